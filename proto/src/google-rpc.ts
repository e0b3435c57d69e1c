export { Status, BadRequest, BadRequest_FieldViolation, ErrorInfo, LocalizedMessage } from './gen/google/rpc/status';
export { Any } from './gen/google/protobuf/any';
