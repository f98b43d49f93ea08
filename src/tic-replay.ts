// The <script type="module"> entry: defines <tic-replay>.
export * from './index.js';
