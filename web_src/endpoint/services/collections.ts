// Collections, the endpoint's part: paid histories and open invoices in, behaviour, segments and predicted
// payment dates out (engine/collections). Nothing is stored or logged about the customers.
import {
  CollectionPredictResponseSchema,
  type CollectionPredictRequest,
  type CollectionPredictResponse,
} from "../../contracts/collections";
import { predictCollections } from "../../engine/collections/predict_payments";
import { ResponseContractError } from "../errors";

export class CollectionService {
  private readonly validateResponses: boolean;

  constructor(options: { validateResponses: boolean }) {
    this.validateResponses = options.validateResponses;
  }

  predict(request: CollectionPredictRequest): CollectionPredictResponse {
    const response = predictCollections(request);
    if (!this.validateResponses) return response;
    const parsed = CollectionPredictResponseSchema.safeParse(response);
    if (!parsed.success) throw new ResponseContractError(`collection reply breaks the contract: ${parsed.error.message}`);
    return parsed.data;
  }
}
