import { cognitoIdentity } from '../auth/identity-cognito.ts';
import { API_MODULES } from './api-modules.ts';
import { lambdaApp } from './lambda-app.ts';

/** The API Lambda (API Gateway's catch-all): the one function that administers Cognito users. */
export const { app, handler } = lambdaApp(API_MODULES, { cognitoIdentity });
