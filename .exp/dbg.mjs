import { extractHtml } from '../dist/extract/extract-html.js';
import { parseHTML } from 'linkedom';
const h = '<div><div><div>Officials said the plan failed.</div></div></div>';
const { document } = parseHTML(h);
console.log('body', document.body?.outerHTML, 'de', document.documentElement?.outerHTML);
console.log(JSON.stringify(extractHtml(h).messages));
