/**
 * AWS Lambda behind API Gateway (REST or HTTP API), a function URL or an
 * ALB. These integrations may Base64-encode the body (`isBase64Encoded`);
 * the handler decodes it back to the exact bytes Sinch signed.
 */
import { createLambdaHandler } from 'sinch-webhooks'
import { sinchOptions } from './options.js'

export const handler = createLambdaHandler(sinchOptions())
