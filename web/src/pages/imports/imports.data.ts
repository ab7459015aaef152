import { query } from '@solidjs/router';
import { fetchImports } from '../../api/imports.ts';

/** GET /api/imports: my organisation's past imports (first page). */
export const getImports = query(() => fetchImports(), 'imports');
