// @web/views/fields/formatters (odoo/addons/web/static/src/views/fields/formatters.js)
export interface FloatFormatOptions {
  digits?: [number, number];
  trailingZeros?: boolean;
  humanReadable?: boolean;
}

/** Localised number, e.g. 1234.5 -> "1,234.50". */
export declare function formatFloat(value: number | false, options?: FloatFormatOptions): string;
/** Amount with the currency symbol of `currencyId` from the session's currencies, e.g. "1,234.50 €". */
export declare function formatMonetary(value: number | false, options: FloatFormatOptions & { currencyId: number; noSymbol?: boolean }): string;
/** 0.953 -> "95.3%" (value is a ratio). */
export declare function formatPercentage(value: number | false, options?: FloatFormatOptions & { noSymbol?: boolean }): string;
