// Anomaly detection, the endpoint's part: the request's items and history in, findings out (engine/anomalies).
// Nothing is stored or logged about the items.
import { DetectAnomaliesResponseSchema, type DetectAnomaliesRequest, type DetectAnomaliesResponse } from "../../contracts/anomalies";
import { detectAnomalies } from "../../engine/anomalies/detect_anomalies";
import { ResponseContractError } from "../errors";

export class AnomalyService {
  private readonly validateResponses: boolean;

  constructor(options: { validateResponses: boolean }) {
    this.validateResponses = options.validateResponses;
  }

  detect(request: DetectAnomaliesRequest): DetectAnomaliesResponse {
    const response = detectAnomalies(request);
    if (!this.validateResponses) return response;
    const parsed = DetectAnomaliesResponseSchema.safeParse(response);
    if (!parsed.success) throw new ResponseContractError(`anomaly reply breaks the contract: ${parsed.error.message}`);
    return parsed.data;
  }
}
