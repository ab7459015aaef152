/**
 * Every message the API returns, in Chinese first and English beside it. Keys are stable codes;
 * `{name}` placeholders are filled from the error's params.
 */
export type Lang = 'zh' | 'en';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export const MESSAGES = {
  // generic
  internal: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error, please try again later' },
  not_found: { zh: '未找到该资源', en: 'Resource not found' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  forbidden: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in first' },
  token_invalid: {
    zh: '登录凭证无效或已过期，请重新登录',
    en: 'Your sign-in token is invalid or expired; please sign in again',
  },
  sign_in_failed: { zh: '邮箱或密码错误', en: 'Wrong email or password' },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  conflict: { zh: '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; refresh and try again' },
  validation_failed: { zh: '提交的数据有误', en: 'The submitted data is invalid' },
  bad_json: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  unsupported_media_type: {
    zh: '请求体须为 application/json',
    en: 'The request body must be application/json',
  },
  payload_too_large: { zh: '请求体过大（上限 {limit}）', en: 'Request body too large (limit {limit})' },
  idempotency_conflict: {
    zh: '该幂等键已用于另一请求',
    en: 'This idempotency key was already used for a different request',
  },
  too_many: {
    zh: '数据超过 {limit} 条上限，无法完整计算；请缩小范围',
    en: 'More than {limit} items: this cannot be computed in full; narrow the scope',
  },
  idempotency_in_progress: {
    zh: '使用该幂等键的请求仍在处理中，请稍后重试',
    en: 'A request with this idempotency key is still being processed; try again shortly',
  },
  invalid_transition: {
    zh: '{lifecycle}当前状态（{state}）下不能执行“{action}”',
    en: 'Cannot {action} while the {lifecycle} is {state}',
  },
  bad_file: {
    zh: '无法读取该文件，请使用模板（.xlsx 或 UTF-8 编码的 .csv）',
    en: 'Cannot read this file; use the template (.xlsx, or .csv in UTF-8)',
  },
  'side.offer': { zh: '供方', en: 'offering side' },
  'side.need': { zh: '需方', en: 'needing side' },
  terms_changed: {
    zh: '{side}的清单条款已变更，此前的接受已作废；请查看新的条款后再接受',
    en: "The {side}'s listing changed its terms; earlier acceptances were voided. Review the new terms and accept again",
  },
  insufficient_remaining: {
    zh: '剩余数量不足，无法确认该撮合（{side}）',
    en: 'Not enough quantity remains to confirm this match ({side})',
  },
  // field-level
  'field.required': { zh: '必填', en: 'is required' },
  'field.invalid_type': { zh: '类型应为{expected}', en: 'should be {expected}' },
  'field.too_small': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'field.greater_than': { zh: '须大于 {minimum}', en: 'must be greater than {minimum}' },
  'field.too_big': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'field.too_short': { zh: '长度不能少于 {minimum}', en: 'must have at least {minimum} characters' },
  'field.lone_surrogate': {
    zh: '包含无效的字符（不成对的代理项）',
    en: 'contains an invalid character (a lone surrogate)',
  },
  'field.control_chars': {
    zh: '不能包含换行符或其他控制字符',
    en: 'cannot contain line breaks or other control characters',
  },
  'field.bidi_control': {
    zh: '不能包含文字方向控制字符',
    en: 'cannot contain text-direction control characters',
  },
  'field.invisible_only': {
    zh: '不能只含空白或不可见字符',
    en: 'cannot be only blank or invisible characters',
  },
  'field.too_long': { zh: '长度不能超过 {maximum}', en: 'must have at most {maximum} characters' },
  'field.invalid_format': { zh: '格式不正确', en: 'has an invalid format' },
  'field.invalid_value': { zh: '取值不在允许范围内', en: 'is not one of the allowed values' },
  'field.unrecognized_keys': { zh: '包含未知字段：{keys}', en: 'has unknown fields: {keys}' },
  'field.not_integer': { zh: '应为整数', en: 'must be a whole number' },
  'field.not_finite': { zh: '应为有限数值', en: 'must be a finite number' },
  'field.invalid_date': { zh: '日期无效，应为 YYYY-MM-DD', en: 'is not a valid date (YYYY-MM-DD)' },
  'field.date_order': { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' },
  'field.credit_code': {
    zh: '统一社会信用代码无效（18 位，含校验码）',
    en: 'is not a valid unified social credit code (18 characters with check character)',
  },
  'field.point_pair': {
    zh: '纬度和经度须同时填写（或同时留空）',
    en: 'latitude and longitude go together: give both or neither',
  },
  'field.credit_code_division': {
    zh: '统一社会信用代码第 3–8 位（{division}）不是真实的行政区划代码，请核对',
    en: 'characters 3–8 of the credit code ({division}) are not a real administrative division; check the code',
  },
  'field.credit_code_taken': {
    zh: '该统一社会信用代码已注册',
    en: 'this unified social credit code is already registered',
  },
  'field.email_taken': { zh: '该邮箱已注册', en: 'this email is already registered' },
  'field.adcode': { zh: '行政区划代码无效', en: 'is not a valid administrative division code' },
  'field.unknown_spec': { zh: '产品规格不在目录中', en: 'is not a product spec in the catalogue' },
  'field.unknown_skill': { zh: '工种不在目录中', en: 'is not a skill in the catalogue' },
  'field.unknown_certificate': { zh: '证书不在目录中', en: 'names a certificate not in the catalogue' },
  'field.below_allocated': {
    zh: '不能小于已撮合确认的数量（{allocated}）',
    en: 'cannot be less than what confirmed matches already took ({allocated})',
  },
  'field.missing_column': { zh: '缺少必填列“{column}”', en: 'the required column "{column}" is missing' },
  'field.too_many_rows': { zh: '行数超过上限 {maximum}', en: 'has more than {maximum} rows' },
  // an organizer's import: its jurisdiction and the firms it names (functions/imports/import-scope.ts)
  'field.outside_jurisdiction': {
    zh: '不在本部门辖区（{jurisdiction}）内',
    en: 'is outside your jurisdiction ({jurisdiction})',
  },
  'field.owner_registered': {
    zh: '“{name}”已在平台注册，不能代其发布：请删除此行，由该企业自行发布或导入',
    en: '"{name}" is registered on the platform and cannot be posted for: delete the row and let the firm post or import it itself',
  },
  'field.owner_outside_jurisdiction': {
    zh: '该企业位于{region}，不在本部门辖区（{jurisdiction}）内',
    en: 'this firm is seated in {region}, outside your jurisdiction ({jurisdiction})',
  },
  'field.credit_code_outside_jurisdiction': {
    zh: '该信用代码的登记地为{region}，不在本部门辖区（{jurisdiction}）内，不能为其建立企业',
    en: 'this code was issued in {region}, outside your jurisdiction ({jurisdiction}); no organisation can be created for it',
  },
  // spreadsheet dimensions, checked before a workbook is loaded (functions/imports/sheet-limits.ts)
  'field.sheet_rows': {
    zh: '工作表“{sheet}”用到第 {found} 行（{cell}），超过上限 {maximum} 行：请删除多余的行（包括只有格式的空行），或分成几个文件',
    en: 'sheet "{sheet}" reaches row {found} ({cell}), beyond the limit of {maximum} rows: delete the extra rows (formatted empty ones too) or split the file',
  },
  'field.sheet_columns': {
    zh: '工作表“{sheet}”用到第 {found} 列（{cell}），超过上限 {maximum} 列：请删除多余的列（包括只有格式的空列）',
    en: 'sheet "{sheet}" reaches column {found} ({cell}), beyond the limit of {maximum} columns: delete the extra columns (formatted empty ones too)',
  },
  'field.sheet_declared': {
    zh: '工作表“{sheet}”声明的范围 {ref} 超过上限（{maxRows} 行、{maxColumns} 列）：请删除多余的行和列后重新保存',
    en: 'sheet "{sheet}" declares the range {ref}, beyond the limits ({maxRows} rows, {maxColumns} columns): delete the extra rows and columns and save it again',
  },
  'field.sheet_cells': {
    zh: '工作表“{sheet}”的单元格超过上限 {maximum} 个：请删除多余的内容或格式，或分成几个文件',
    en: 'sheet "{sheet}" has more than {maximum} cells: delete extra content or formatting, or split the file',
  },
  'field.sheet_merged': {
    zh: '工作表“{sheet}”的合并单元格（{ref}）合计超过 {maximum} 格：请取消合并',
    en: 'sheet "{sheet}" merges more than {maximum} cells in all ({ref}): unmerge them',
  },
  'field.sheet_cell_length': {
    zh: '工作表“{sheet}”单元格 {cell} 有 {found} 个字符，超过上限 {maximum}',
    en: 'sheet "{sheet}", cell {cell} has {found} characters, beyond the limit of {maximum}',
  },
  'field.sheet_unzipped': {
    zh: '文件解压后超过 {maximum} MB（通常是大量空白格式或嵌入的图片）：请只保留数据后另存',
    en: 'the file unzips to more than {maximum} MB (usually formatting over empty cells, or pictures): keep only the data and save it again',
  },
  'field.sheet_parts': {
    zh: '文件包含的部件超过 {maximum} 个：请只保留数据后另存',
    en: 'the file has more than {maximum} parts: keep only the data and save it again',
  },
  'field.unit_mismatch': { zh: '单位与产品规格的计量单位不符', en: "does not convert to the spec's unit" },
  'field.place_unknown': { zh: '无法识别的地点“{text}”', en: 'is not a place we recognise ("{text}")' },
  'field.place_ambiguous': {
    zh: '地点“{text}”有重名（{candidates}），请写明所属省市',
    en: '"{text}" names several places ({candidates}); add the province or city',
  },
  'field.unknown_unit': { zh: '无法识别的计量单位', en: 'is not a unit we recognise' },
  'field.spec_ambiguous': {
    zh: '规格不明确，可能是：{candidates}',
    en: 'is ambiguous; it could be: {candidates}',
  },
  'field.skill_ambiguous': {
    zh: '工种不明确，可能是：{candidates}',
    en: 'is ambiguous; it could be: {candidates}',
  },
  'field.certificate_ambiguous': {
    zh: '“{text}”可对应多个证书：{candidates}',
    en: '"{text}" matches several certificates: {candidates}',
  },
  'field.catalogue_inconsistent': {
    zh: '与目录不一致：{reason}',
    en: 'is inconsistent with the catalogue: {reason}',
  },
  'field.invite_invalid': {
    zh: '邀请码无效，或该信用代码不是受邀单位',
    en: 'is not a valid invitation for this credit code',
  },
  'field.invite_used': {
    zh: '该邀请码已被使用，单位已认领；请直接登录',
    en: 'has already been used: the firm has claimed its account; sign in instead',
  },
  'field.jurisdiction_outside': {
    zh: '须包含单位所在地（市级部门选其所在市，县级部门选其所在县区）',
    en: "must contain the organisation's seat (a city's department serves its own city, a county's its county)",
  },
  'field.jurisdiction_not_organizer': {
    zh: '只有对接组织方（主管部门）才有管辖地区',
    en: 'is only for an event organizer (a department)',
  },
  'field.invite_expired': {
    zh: '邀请码已过期，请联系组织方重新发放',
    en: 'has expired: ask the organizer for a new one',
  },
  'field.insufficient_remaining': { zh: '剩余数量不足', en: 'has too little remaining' },
  'field.terms_changed': { zh: '条款已变更', en: 'changed its terms' },
  'field.number_invalid': { zh: '不是有效的数字', en: 'is not a number' },
  'field.number_grouping': { zh: '千分位分隔符位置不对', en: 'has misplaced thousands separators' },
  'field.number_negative': { zh: '不能为负数', en: 'cannot be negative' },
  'field.date_nonexistent': {
    zh: '日期不存在（如 2 月 30 日）',
    en: 'is a date that does not exist (such as 30 February)',
  },
  'field.date_out_of_range': {
    zh: '日期须在 {min} 至 {max} 之间',
    en: 'must be a date from {min} to {max}',
  },
  // harden-imports: refusals that say what to change
  'field.date_year_only': {
    zh: '只有年份 {year}：请填写完整日期，如 {year}-03-15',
    en: 'has only the year {year}: type the whole date, e.g. {year}-03-15',
  },
  'field.date_year_missing': {
    zh: '缺少年份：请写成“2026年{month}月{day}日”或 2026-{month}-{day} 这样带年份的日期',
    en: 'the year is missing: type it with the year, e.g. 2026-{month}-{day}',
  },
  'field.number_approximate': {
    zh: '须填确数：去掉“{word}”{andUnit}，只填数字，如 {suggestion}',
    en: 'must be an exact number: remove “{word}”{andUnitEn} and type the number alone, e.g. {suggestion}',
  },
  'field.number_with_unit': {
    zh: '去掉单位“{unit}”，只填数字，如 {suggestion}',
    en: 'remove the unit “{unit}” and type the number alone, e.g. {suggestion}',
  },
  'field.price_per_unit': {
    zh: '单价只填每{unit}的元数，不带单位，如 {suggestion}',
    en: 'type the price alone in CNY, without the unit “/{unit}”, e.g. {suggestion}',
  },
  'field.unit_column_ambiguous': {
    zh: '单位列“{unit}”只用于数量列；此列请按规格单位“{specUnit}”填写，或在数字后写明单位（如 {example}）',
    en: "the unit column (“{unit}”) applies to the quantity only: type this one in the spec's unit “{specUnit}”, or write its unit after the number (e.g. {example})",
  },
  'field.unit_conflict': {
    zh: '数量中的单位“{cellUnit}”与单位列“{unit}”不一致',
    en: 'the unit in the quantity (“{cellUnit}”) differs from the unit column (“{unit}”)',
  },
  'field.header_not_found': {
    zh: '前 {rows} 行中没有找到表头（应含“{column}”等列）',
    en: 'no header row in the first {rows} rows (with columns such as “{column}”)',
  },
  'field.phone_multiple': { zh: '只能填写一个电话号码', en: 'should hold a single phone number' },
  'field.not_number': { zh: '不是有效的数字', en: 'is not a number' },
  'field.not_yes_no': { zh: '请填“是”或“否”', en: 'should be yes or no' },
  'field.email': { zh: '邮箱格式不正确', en: 'is not a valid email address' },
  'field.phone': { zh: '电话号码格式不正确', en: 'is not a valid phone number' },
  'field.password_weak': {
    zh: '密码至少 10 位，且须包含字母和数字',
    en: 'the password needs at least 10 characters with letters and digits',
  },
  // hardening (issue 12)
  'field.decimal_places': { zh: '最多 {places} 位小数', en: 'can have at most {places} decimal places' },
  'field.quantity_step': {
    zh: '须为该规格最小单位 {step} {unit} 的整数倍',
    en: "must be a whole number of the spec's smallest step, {step} {unit}",
  },
  // plausibility (functions/contract/plausibility.ts)
  'field.implausible_quantity': {
    zh: '数量不合常理：单条清单最多 {maximum} {unit}，请核对数字和单位',
    en: 'is not plausible: one listing holds at most {maximum} {unit}; check the number and the unit',
  },
  'field.window_over': {
    zh: '日期已过（今天是 {today}），清单的截止日期须在今天或以后',
    en: 'has passed (today is {today}); the end of the window must be today or later',
  },
  'field.min_days_beyond_period': {
    zh: '最少天数超过了用工期本身（共 {days} 天），这样的需求永远无法匹配',
    en: 'is longer than the period itself ({days} days), so this request could never be matched',
  },
  // deals (functions/deals/)
  deal_needs_confirmed_match: {
    zh: '只有双方都已确认的撮合才能登记签约',
    en: 'A deal can only be recorded on a match both sides confirmed',
  },
  deal_short_offer: {
    zh: '供应方剩余数量不足，无法确认该合同',
    en: 'Not enough quantity remains on the supply to confirm this contract',
  },
  deal_short_need: {
    zh: '需求方剩余数量不足，无法确认该合同',
    en: 'Not enough quantity remains on the demand to confirm this contract',
  },
  deal_file_type: {
    zh: '文件须为 PDF、JPEG 或 PNG（按文件内容识别）',
    en: 'The file must be a PDF, JPEG or PNG (judged by its content)',
  },
  deal_withdrawn: {
    zh: '该签约已撤回，不能再上传文件',
    en: 'This deal was withdrawn; no file can be attached any more',
  },
  deal_no_file: { zh: '该签约没有上传文件', en: 'No file was uploaded for this deal' },
  match_has_contract: {
    zh: '该撮合已签订合同，不能取消；如需变更请处理合同',
    en: 'This match became a contract and cannot be cancelled; change the contract instead',
  },
  'field.quantity_precision': { zh: '最多保留三位小数', en: 'may have at most three decimals' },
  'field.money': {
    zh: '金额须为正数，最多两位小数（单位：元）',
    en: 'must be a positive amount in yuan with at most two decimals',
  },
  'field.match_or_listings': {
    zh: '请填写撮合编号，或同时填写供需两条清单，不能都填',
    en: 'give either the match or the two listings, not both',
  },
  'field.amount_too_big': {
    zh: '合同金额超过上限（1 万亿元）',
    en: 'the amount exceeds the limit (1 trillion yuan)',
  },
  'field.deal_goods_only': {
    zh: '签约登记仅适用于物资撮合',
    en: 'deals are recorded for goods matches only',
  },
  'field.deal_needs_supply': { zh: '须为已发布的供应清单', en: 'must be a published supply listing' },
  'field.deal_needs_demand': { zh: '须为已发布的需求清单', en: 'must be a published demand listing' },
  'field.deal_same_org': {
    zh: '供需双方不能是同一单位',
    en: 'the two sides cannot be the same organisation',
  },
  'field.deal_meeting_needs_event': {
    zh: '填写洽谈编号时须同时填写对接会编号',
    en: 'is required with the meeting',
  },
  'field.deal_unknown_event': { zh: '不是已发布的对接会', en: 'is not a published matchmaking event' },
  'field.deal_event_mismatch': {
    zh: '与该撮合所属的对接会不一致',
    en: 'is not the event whose round proposed the match',
  },
  'field.deal_not_at_event': {
    zh: '供需双方须都是本次对接会已通过审核的参会单位',
    en: 'both sides must be approved participants of this event',
  },
  'field.deal_unknown_meeting': { zh: '不是本次对接会的洽谈', en: 'is not a meeting of this event' },
  'field.deal_meeting_other_orgs': {
    zh: '这场洽谈不是供需双方之间的',
    en: 'is a meeting between other organisations',
  },
  'field.deal_meeting_not_held': {
    zh: '这场洽谈未举行（未发布、已取消或缺席）',
    en: 'did not take place (not published, cancelled or a no-show)',
  },
  // ── matchmaking events (issue 9) ──────────────────────────────────────────────────────────
  'field.invalid_time': { zh: '时间格式应为 HH:MM', en: 'is not a time (HH:MM)' },
  'field.time_order': { zh: '结束时间须晚于开始时间', en: 'must end after it starts' },
  'field.link_pattern': {
    zh: '须为 https 链接，并含有 {table} 占位符（替换为桌号或会议室号）',
    en: 'must be an https link containing {table} (replaced by the table or room number)',
  },
  'field.deadline_after_event': {
    zh: '报名截止日期不能晚于对接会第一天',
    en: 'the registration deadline cannot be after the first day of the event',
  },
  'field.duplicate': { zh: '有重复项', en: 'has duplicates' },
  'field.unknown_category': { zh: '品类不在目录中', en: 'names a category not in the catalogue' },
  'field.region_outside_jurisdiction': {
    zh: '不在您所在部门的管辖范围内',
    en: "is outside your department's jurisdiction",
  },
  'field.venue_required': {
    zh: '现场或混合形式须填写会场和桌数',
    en: 'venue events need a venue with tables',
  },
  'field.no_slots': {
    zh: '按此时长与休息安排，对接会没有可用的洽谈时段',
    en: 'leaves no meeting slot in the event hours',
  },
  'field.listing_not_yours': { zh: '不是本单位的清单', en: 'is not a listing of this organisation' },
  'field.listing_not_open': { zh: '清单未处于有效状态', en: 'is not an open listing' },
  'field.listing_wrong_kind': {
    zh: '清单类型或品类与本次对接会不符',
    en: "does not fit the event's kind or categories",
  },
  'field.availability_outside_event': {
    zh: '可参会时间须在对接会的日期和时段之内',
    en: "must lie within the event's days and hours",
  },
  'field.slot_out_of_range': {
    zh: '时段或桌号超出本次对接会的范围',
    en: 'is beyond the event’s slots or tables',
  },
  'field.not_participant': { zh: '不是本次对接会已通过审核的参会单位', en: 'is not an approved participant' },
  'field.self_request': { zh: '不能向本单位发起洽谈邀约', en: 'cannot be your own organisation' },
  event_full: {
    zh: '报名人数已满（上限 {capacity} 家），无法再通过',
    en: 'The event is full ({capacity} organisations); no more can be approved',
  },
  registration_closed: {
    zh: '对接会未开放报名，或报名已截止',
    en: 'The event is not open for registration, or its deadline has passed',
  },
  event_not_published: {
    zh: '对接会未发布、已开始或已结束',
    en: 'The event is not published, has started or is over',
  },
  already_registered: {
    zh: '该单位已报名本次对接会',
    en: 'This organisation has already registered for the event',
  },
  request_open: {
    zh: '已向该单位发出洽谈邀约，请等待回复',
    en: 'A meeting request to this organisation is already waiting for an answer',
  },
  round_not_ready: {
    zh: '没有已通过审核的参会单位报名了可撮合的清单，无法开始撮合',
    en: 'No approved participant has enrolled listings to match yet',
  },
  round_running: {
    zh: '本次对接会的撮合计算尚未完成',
    en: "The event's matching round is still running",
  },
  live_changed: {
    zh: '另一位组织方刚刚调整了日程，请刷新后再操作',
    en: 'Another organizer has just changed the day; reload and try again',
  },
  schedule_missing: { zh: '尚未生成洽谈日程', en: 'No schedule has been generated yet' },
  schedule_not_published: { zh: '洽谈日程尚未发布', en: 'The schedule has not been published yet' },
  pin_conflict: {
    zh: '该时段双方之一已有洽谈，或该桌已占用',
    en: 'One side already meets someone in that slot, or the table is taken',
  },
  'schedule.no_common_slot': { zh: '双方没有共同的可参会时段', en: 'the two sides have no common free slot' },
  'schedule.pin_conflict': { zh: '与手动固定的安排冲突', en: 'conflicts with a pinned meeting' },
  'schedule.no_room': { zh: '时段和桌数不够', en: 'not enough slots and tables' },
  // notifications (issue 13): preferences and the templates of e-mails, SMS and the in-app inbox
  'field.mobile': { zh: '须为 11 位手机号码', en: 'must be an 11-digit mainland mobile number' },
  'field.mobile_for_sms': {
    zh: '选择短信通知时须填写手机号码',
    en: 'is required when any notification goes by SMS',
  },
  'notify.match_proposed.subject': {
    zh: '新的供需匹配：{product} {quantity}（{counterpart}）',
    en: 'New match proposed: {product}, {quantity} ({counterpart})',
  },
  'notify.match_proposed.body': {
    zh: '供需平台为贵单位匹配到 {counterpart}：{product}，{quantity}。请在提议到期前接受或谢绝：{link}',
    en: 'Gongxu matched your organisation with {counterpart}: {product}, {quantity}. Accept or decline before the proposal lapses: {link}',
  },
  'notify.match_accepted.subject': {
    zh: '{counterpart} 已接受匹配：{product} {quantity}',
    en: '{counterpart} accepted the match: {product}, {quantity}',
  },
  'notify.match_accepted.body': {
    zh: '{counterpart} 已接受与贵单位的匹配（{product}，{quantity}），等待贵单位确认：{link}',
    en: '{counterpart} accepted the match with your organisation ({product}, {quantity}); it awaits your answer: {link}',
  },
  'notify.match_confirmed.subject': {
    zh: '匹配已成交：{product} {quantity}（{counterpart}）',
    en: 'Match confirmed: {product}, {quantity} ({counterpart})',
  },
  'notify.match_confirmed.body': {
    zh: '贵单位与 {counterpart} 的匹配已由双方确认（{product}，{quantity}），数量已预留，可查看对方联系方式：{link}',
    en: 'Both sides confirmed the match with {counterpart} ({product}, {quantity}); the quantity is reserved and the contacts are visible: {link}',
  },
  'notify.match_declined.subject': {
    zh: '{counterpart} 谢绝了匹配：{product} {quantity}',
    en: '{counterpart} declined the match: {product}, {quantity}',
  },
  'notify.match_declined.body': {
    zh: '{counterpart} 谢绝了与贵单位的匹配（{product}，{quantity}）。挂牌仍然有效，平台会继续匹配：{link}',
    en: '{counterpart} declined the match with your organisation ({product}, {quantity}). Your listing stays open and matching goes on: {link}',
  },
  'notify.match_expired.subject': {
    zh: '匹配已过期：{product} {quantity}（{counterpart}）',
    en: 'Match lapsed: {product}, {quantity} ({counterpart})',
  },
  'notify.match_expired.body': {
    zh: '与 {counterpart} 的匹配提议（{product}，{quantity}）未在期限内得到双方确认，已过期：{link}',
    en: 'The proposal with {counterpart} ({product}, {quantity}) was not confirmed by both sides in time and has lapsed: {link}',
  },
  'notify.match_cancelled.subject': {
    zh: '{counterpart} 取消了已成交的匹配：{product} {quantity}',
    en: '{counterpart} cancelled the confirmed match: {product}, {quantity}',
  },
  'notify.match_cancelled.body': {
    zh: '{counterpart} 取消了与贵单位已成交的匹配（{product}，{quantity}），数量已退回挂牌：{link}',
    en: '{counterpart} cancelled the confirmed match with your organisation ({product}, {quantity}); the quantity went back to the listings: {link}',
  },
  'notify.match_acceptance_voided.subject': {
    zh: '匹配条款已变更，接受已作废：{product} {quantity}（{counterpart}）',
    en: 'Match terms changed, acceptance voided: {product}, {quantity} ({counterpart})',
  },
  'notify.match_acceptance_voided.body': {
    zh: '与 {counterpart} 的匹配（{product}，{quantity}）中，一方挂牌的实质条款（品种、数量、价格、地点或期限）已变更，此前的接受已作废。请查看新条款后重新答复：{link}',
    en: 'In the match with {counterpart} ({product}, {quantity}) a listing changed its terms (product, quantity, price, place or window), so earlier acceptances were voided. Review the new terms and answer again: {link}',
  },
  'notify.registration_approved.subject': {
    zh: '报名已通过：{event}',
    en: 'Registration approved: {event}',
  },
  'notify.registration_approved.body': {
    zh: '贵单位报名参加「{event}」（{date}）已通过审核。日程发布后可在此查看洽谈安排：{link}',
    en: 'Your registration for “{event}” ({date}) was approved. Your meetings will be on your agenda once the schedule is published: {link}',
  },
  'notify.registration_refused.subject': {
    zh: '报名未通过：{event}',
    en: 'Registration refused: {event}',
  },
  'notify.registration_refused.body': {
    zh: '贵单位报名参加「{event}」（{date}）未通过审核。原因：{reason}。详情：{link}',
    en: 'Your registration for “{event}” ({date}) was refused. Reason: {reason}. Details: {link}',
  },
  'notify.meeting_moved.subject': {
    zh: '洽谈时间调整：{event}（{counterpart}）',
    en: 'Meeting moved: {event} ({counterpart})',
  },
  'notify.meeting_moved.body': {
    zh: '「{event}」上贵单位与 {counterpart} 的洽谈已由 {from} 调整到 {to}。查看日程：{link}',
    en: 'At “{event}” your meeting with {counterpart} moved from {from} to {to}. See your agenda: {link}',
  },
  'notify.no_reason': { zh: '未说明', en: 'not given' },
  'notify.table': { zh: '{n} 号桌', en: 'table {n}' },
  'notify.sms_prefix': { zh: '【供需】', en: '[Gongxu] ' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * Values for `{name}` placeholders: a string or number shown as it is, or a message in both
 * languages (a lifecycle's state or action label, `MESSAGES['side.offer']`), shown in the reader's.
 * There is no way to name a message by a string built at run time, so a missing one cannot reach
 * a reader: a key that does not exist is a type error.
 */
export type MessageParams = Record<string, string | number | Message>;

/** Fills `{name}` placeholders from the params, picking the language of message-valued ones. */
export function format(template: string, params: MessageParams = {}, lang: Lang = 'zh'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

export function translate(key: MessageKey, lang: Lang, params?: MessageParams): string {
  return format(MESSAGES[key][lang], params, lang);
}

export function bothLanguages(key: MessageKey, params?: MessageParams): Message {
  return { zh: translate(key, 'zh', params), en: translate(key, 'en', params) };
}

/** Picks zh or en from an Accept-Language header; Chinese is the default. */
export function negotiateLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
