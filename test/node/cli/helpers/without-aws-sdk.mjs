// Loaded with `node --import`: makes the AWS SDK look uninstalled, as on a machine that never
// added the optional packages.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier.startsWith('@aws-sdk/')) {
          const error = new Error("Cannot find package '" + specifier + "'");
          error.code = 'ERR_MODULE_NOT_FOUND';
          throw error;
        }
        return next(specifier, context);
      }
    `),
);
