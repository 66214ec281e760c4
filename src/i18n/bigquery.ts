/** Strings of the BigQuery flavour of the add-on (npm run build:bigquery). */
export const bigQueryStrings = {
  en: {
    'menu.bigquery.connect': 'Connect BigQuery…',
    'menu.bigquery.send': 'Send chats and orders to BigQuery',
    'menu.bigquery.build': 'Build all reports from BigQuery',
    'bigquery.prompt': 'BigQuery project and dataset for this spreadsheet, as PROJECT.DATASET (the dataset must exist; CS Daily creates its tables chats and orders in it). Now: {current}',
    'bigquery.none': 'not connected',
    'bigquery.refused': '"{answer}" is not PROJECT.DATASET (a project is letters, digits, - and _; a dataset letters, digits and _).',
    'bigquery.connected': 'Connected to BigQuery {project}.{dataset}; its tables chats and orders are ready.',
    'bigquery.notConnected': 'This spreadsheet is not connected to BigQuery yet: use Connect BigQuery… first.',
    'bigquery.sent': 'Sent to BigQuery {project}.{dataset}: {chats} chats and {orders} orders (records with the same key replaced, not doubled).',
    'bigquery.failed': 'BigQuery failed: {reason}',
  },
  zh: {
    'menu.bigquery.connect': '连接 BigQuery…',
    'menu.bigquery.send': '把咨询和订单发送到 BigQuery',
    'menu.bigquery.build': '从 BigQuery 生成全部报表',
    'bigquery.prompt': '本表格使用的 BigQuery 项目和数据集，格式为 项目.数据集（数据集须已存在；CS Daily 会在其中创建 chats 和 orders 两张表）。当前：{current}',
    'bigquery.none': '未连接',
    'bigquery.refused': '“{answer}”不是 项目.数据集（项目名只含字母、数字、- 和 _；数据集名只含字母、数字和 _）。',
    'bigquery.connected': '已连接 BigQuery {project}.{dataset}；chats 和 orders 两张表已就绪。',
    'bigquery.notConnected': '本表格尚未连接 BigQuery：请先使用“连接 BigQuery…”。',
    'bigquery.sent': '已发送到 BigQuery {project}.{dataset}：咨询 {chats} 条、订单 {orders} 条（同键记录被替换，不会重复）。',
    'bigquery.failed': 'BigQuery 出错：{reason}',
  },
} as const;
