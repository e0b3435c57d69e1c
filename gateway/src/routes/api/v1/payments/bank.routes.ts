import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { paymentsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';

const tags = ['payments-bank'];
/** The largest message the payments service takes (docs/bank-protocol.md). */
const MAX_JWS_BYTES = 16 * 1024;

const ChannelParams = Type.Object(
  { channel: Type.String({ pattern: '^[a-z0-9-]{1,32}$', description: '收款渠道（银行）名称，如 stand-in' }) },
  { additionalProperties: false },
);
const JwsBody = Type.String({
  minLength: 1,
  maxLength: MAX_JWS_BYTES,
  description: 'compact JWS（Ed25519 签名，content-type application/jose），报文格式见 docs/bank-protocol.md',
});
const QueryAnswer = Type.Object(
  {
    paymentCode: Type.String(),
    noticeNumber: Type.String(),
    payerName: Type.String({ description: '缴款人（已遮蔽）' }),
    collectingBody: Type.String(),
    totalFen: Type.Integer({ description: '应缴金额（分）' }),
    totalCapitals: Type.String(),
    deadline: Type.String(),
    payable: Type.Boolean(),
    lines: Type.Array(
      Type.Object(
        {
          collectingUnitCode: Type.String({ description: '执收单位编码' }),
          revenueCode: Type.String({ description: '收入项目编码' }),
          amountFen: Type.Integer({ description: '金额（分）' }),
        },
        { additionalProperties: false },
      ),
      { description: '按执收单位和收入项目分列的应缴金额（合计等于 totalFen）' },
    ),
  },
  { additionalProperties: false },
);
const CallbackAnswer = Type.Object(
  {
    outcome: Type.Union([Type.Literal('ACCEPTED'), Type.Literal('DUPLICATE')], {
      description: 'ACCEPTED 已确认缴款；DUPLICATE 该交易已确认过，未作改变',
    }),
    noticeNumber: Type.String(),
  },
  { additionalProperties: false },
);

/**
 * The collecting bank's edge (docs/bank-protocol.md): no token; the body is a compact JWS that the payments service
 * verifies with the channel's key. The gateway only forwards it: every check, and the record of every refusal, is the
 * payments service's.
 */
const bankRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'bank', opts.deadlineMs);
  // Only application/jose is taken here (any other body type: 415), as the raw compact JWS.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/jose',
    { parseAs: 'string', bodyLimit: MAX_JWS_BYTES },
    (_request, body, done) => done(null, body),
  );
  const fields = { message: 'body' };

  app.post(
    '/:channel/payment-code-queries',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '银行查询缴款码（签名报文）',
        consumes: ['application/jose'],
        params: ChannelParams,
        body: JwsBody,
        response: { 200: QueryAnswer, ...problems(400, 401, 404, 413, 415, 503) },
      },
    },
    async (request) =>
      call(request, 'queryPaymentCode', { message: { channel: request.params.channel, jws: request.body } }, fields),
  );

  app.post(
    '/:channel/callbacks',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '银行缴款确认回调（签名报文；只有经验证的回调才能确认缴款）',
        consumes: ['application/jose'],
        params: ChannelParams,
        body: JwsBody,
        response: { 200: CallbackAnswer, ...problems(400, 401, 404, 409, 413, 415, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'receiveCallback',
        { message: { channel: request.params.channel, jws: request.body } },
        fields,
      );
      const O = paymentsV1.ReceiveCallbackResponse_Outcome;
      const outcome = res.outcome === O.OUTCOME_ACCEPTED ? ('ACCEPTED' as const) : ('DUPLICATE' as const);
      return { outcome, noticeNumber: res.noticeNumber };
    },
  );
};

export default bankRoutes;
