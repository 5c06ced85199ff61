# 서버 메시지 (domain::i18n): 오류 문서, 입력 오류, 메일.
# `{name}`은 인자입니다. en.ftl과 키가 같아야 합니다 (테스트가 확인).

# 오류 제목과 고정 설명 (domain::error)
problem.unauthorized = 로그인이 필요합니다
problem.unauthorized.detail = 로그인한 뒤에 할 수 있습니다.
problem.forbidden = 권한이 없습니다
problem.not_found = 찾을 수 없습니다
problem.invalid = 입력을 확인해 주세요
problem.conflict = 지금은 할 수 없습니다
problem.bad_credentials = 로그인하지 못했습니다
problem.bad_credentials.detail = 이메일 주소나 비밀번호가 맞지 않습니다.
problem.rate_limited = 시도가 너무 많습니다
problem.rate_limited.detail = 시도가 너무 많습니다. {seconds}초 뒤에 다시 해 주세요.
problem.internal = 서버 오류
problem.internal.detail = 저희 쪽에서 문제가 생겼습니다 (요청 {incident}).

# announcement
announcement.link_at_most_ideas = 아이디어는 {max_linked_ideas}개까지 연결할 수 있습니다
announcement.must_5_characters = 5–{title_max_chars}자로 써 주세요
announcement.no_such_idea = 없는 아이디어입니다: {join}

# answer_kit
answer_kit.must_1_5000_characters = 1–5000자로 써 주세요
answer_kit.must_3_80_characters = 3–80자로 써 주세요

# auth
auth.must_1_366_days = 1–366일 사이로 정해 주세요
auth.suspended = {until}까지 계정이 정지되었습니다: {reason}. 읽기는 계속할 수 있습니다.
auth.suspended_no_reason = {until}까지 계정이 정지되었습니다 (사유 없음). 읽기는 계속할 수 있습니다.

# category
category.category_with_slug_exists = 슬러그 `{slug}`인 분야가 이미 있습니다

# command
command.explain_decision_at_least_10 = 결정의 이유를 10자 이상 설명해 주세요
command.idea_cannot_repeat_itself = 아이디어는 자기 자신과 중복될 수 없습니다
command.must_at_most_characters_2 = {private_details_max_chars}자까지 쓸 수 있습니다
command.must_describe_idea = 아이디어를 설명해 주세요
command.must_describe_what_happened = 무슨 일이 있었는지 적어 주세요
command.must_staff_member = 직원이어야 합니다
command.name_department_hand = 넘길 부서를 골라 주세요
command.name_idea_one_repeats = 중복되는 원래 아이디어를 알려 주세요
command.no_such_idea = 없는 아이디어입니다
command.promises_remedies_are_made_public = 약속과 보상은 내부 메모가 아니라 공개 답변에서 합니다
command.ticket_already_with = 이미 {name} 부서에서 맡고 있는 문의입니다
command.ticket_closed_file_new_one = 종료된 문의입니다. 새 문의를 남기시거나 직원에게 다시 열어 달라고 요청해 주세요

# comment
comment.comments_can_edited_15_minutes = 댓글은 쓴 뒤 15분 동안만 고칠 수 있습니다
comment.moderator_hid_comment_cannot_edited = 운영자가 숨긴 댓글이라 고칠 수 없습니다
comment.moderator_locked_discussion = 운영자가 토론을 잠갔습니다: {locked_reason}
comment.must_at_most_characters_has = {max_chars}자까지 쓸 수 있습니다 (지금 {chars}자)

# commitment
commitment.must_date_like_2026_12 = 2026-12-31 같은 날짜로 써 주세요
commitment.must_today_later = 오늘이나 그 뒤의 날짜여야 합니다
commitment.no_department = `{slug}` 부서가 없습니다
commitment.not_one_pending_kept_overdue = `{raw}`은(는) pending, kept, overdue, withdrawn 중 하나가 아닙니다
commitment.not_one_pending_kept_withdrawn = `{status}`은(는) pending, kept, withdrawn 중 하나가 아닙니다 (overdue는 저절로 됩니다)
commitment.not_one_pending_kept_withdrawn_2 = `{other}`은(는) pending, kept, withdrawn 중 하나가 아닙니다 (overdue는 저절로 됩니다)
commitment.say_publicly_why_promise_withdrawn = 약속을 거두는 이유를 공개적으로 밝혀 주세요
commitment.say_what_will_done_5 = 무엇을 할지 5–500자로 써 주세요
commitment.show_that_was_done_link = 지켰다는 근거를 보여 주세요: 링크나 한 문장

# content_kind
content_kind.comment = 댓글
content_kind.idea = 아이디어
content_kind.profile = 프로필
content_kind.ticket = 문의
content_kind.ticket_post = 문의 답글

# curation
curation.already_featured = 이미 추천된 아이디어입니다
curation.at_most_ideas_can_featured = 추천은 {max_pinned}개까지입니다. 먼저 하나를 해제해 주세요
curation.discussion_already_locked = 이미 잠긴 토론입니다
curation.discussion_not_locked = 잠긴 토론이 아닙니다
curation.give_new_title_category_tags = 새 제목, 분야 또는 태그를 알려 주세요
curation.hidden_merged_ideas_cannot_featured = 숨겨졌거나 합쳐진 아이디어는 추천할 수 없습니다
curation.not_featured = 추천된 아이디어가 아닙니다

# department
department.department_with_slug_exists = 슬러그 `{slug}`인 부서가 이미 있습니다
department.must_between_1_10080_one = 1에서 10080(일주일) 사이여야 합니다
department.no_department_with_slug = 슬러그 `{slug}`인 부서가 없습니다

# edit
edit.give_new_title_description = 새 제목이나 설명을 써 주세요
edit.only_visible_reply_can_corrected = 보이는 답글만 고칠 수 있습니다
edit.tickets_replies_can_corrected_15 = 문의와 답글은 쓴 뒤 15분 동안만 고칠 수 있습니다. 그 뒤에는 직원에게 지워 달라고 요청해 주세요

# events
events.at_most_20_topics = 주제는 20개까지입니다
events.name_at_least_one_topic = 주제를 하나 이상 정해 주세요
events.staff_queue_s_events_are = 직원 대기열의 이벤트는 직원만 받을 수 있습니다.
events.unknown_topic_use_board_queue = 알 수 없는 주제 `{name}`입니다. board, queue, me, idea:N, ticket:VOC-N 중에서 쓰세요

# feedback
feedback.must_1_5 = 1에서 5 사이여야 합니다
feedback.ticket_can_rated_once_resolved = 문의는 해결된 뒤에 평가할 수 있습니다
feedback.you_filed_ticket_me_too = 직접 남기신 문의입니다. "나도요"는 같은 일을 겪은 다른 분들을 위한 것입니다

# field
field.at_least_characters = {min}자 이상 써 주세요
field.characters_between = {min}–{max}자로 써 주세요
field.must_1_80_characters = 1–80자로 써 주세요
field.must_5_120_characters = 5–120자로 써 주세요
field.must_at_most_1000_characters = 1000자까지 쓸 수 있습니다
field.must_at_most_80_characters = 80자까지 쓸 수 있습니다
field.must_at_most_300_characters = 300자까지 쓸 수 있습니다
field.must_at_most_5000_characters = 5000자까지 쓸 수 있습니다
field.must_at_most_characters = {body_max_chars}자까지 쓸 수 있습니다
field.must_at_most_characters_has = {body_max_chars}자까지 쓸 수 있습니다 (지금 {body_chars}자)
field.must_e_mail_address_like = name@example.com 같은 이메일 주소를 써 주세요
field.must_not_empty = 비어 있으면 안 됩니다
field.say_why_3_500_characters = 이유를 3–500자로 써 주세요
field.slug_letters = 영어 소문자, 숫자, 대시(-)로 2–40자여야 합니다

# guard
guard.new_members_may_include_at = 가입 후 {new_member_days}일 동안은 글 하나에 링크를 {new_member_links}개까지 넣을 수 있습니다 (지금 {links}개)

# guideline
guideline.must_3_300_characters = 3–300자로 써 주세요
guideline.no_guideline_guidelines_are_numbered = {raw}번 지침은 없습니다. 지침 번호: {yet}
guideline.none_yet = 아직 없음

# hide
hide.already_hidden = 이미 숨긴 {kind}입니다
hide.not_hidden = 숨긴 {kind}이(가) 아닙니다
hide.staff_profiles_stay_visible_staff = 직원 프로필은 숨길 수 없습니다. 직원은 실명으로 답합니다.

# idea
idea.at_most_tags = 태그는 {max}개까지입니다
idea.tag_length = 태그는 하나에 {max}자까지입니다

# merge
merge.idea_already_merged_into_idea = 아이디어 {number}은(는) 이미 아이디어 {already}에 합쳐졌습니다
merge.idea_cannot_merged_into_itself = 아이디어를 자기 자신에 합칠 수 없습니다
merge.idea_has_no_merge_undo = 아이디어 {number}에는 되돌릴 합치기가 없습니다
merge.idea_not_merged = 아이디어 {number}은(는) 합쳐지지 않았습니다
merge.no_idea = #{into} 아이디어가 없습니다
merge.was_merged_into_merge_into = #{into}은(는) #{further}에 합쳐졌습니다. 그쪽으로 합쳐 주세요

# not_found
not_found.account = 계정을 찾을 수 없습니다
not_found.announcement = 공지 {id}을(를) 찾을 수 없습니다
not_found.canned_answer = 답변 템플릿 {id}을(를) 찾을 수 없습니다
not_found.comment = 댓글 {id}을(를) 찾을 수 없습니다
not_found.commitment = 약속 {id}을(를) 찾을 수 없습니다
not_found.content = {kind} {id}을(를) 찾을 수 없습니다
not_found.department = `{slug}` 부서를 찾을 수 없습니다
not_found.guideline = 지침 {id}을(를) 찾을 수 없습니다
not_found.idea = 아이디어 {number}을(를) 찾을 수 없습니다
not_found.member = 회원 {member_id}을(를) 찾을 수 없습니다
not_found.member_2 = 회원 {id}을(를) 찾을 수 없습니다
not_found.member_3 = 회원 {member}을(를) 찾을 수 없습니다
not_found.no_dashboard_table_tables_are = 대시보드 표 `{table}`은(는) 없습니다. 표 목록: {join}
not_found.post = {number}의 글 {post_id}을(를) 찾을 수 없습니다
not_found.remedy = 보상 {id}을(를) 찾을 수 없습니다
not_found.report = 신고 {id}을(를) 찾을 수 없습니다
not_found.ticket = 문의 {number}을(를) 찾을 수 없습니다
not_found.token = 토큰을 찾을 수 없습니다
not_found.unsubscribe_link = 수신 거부 링크를 찾을 수 없습니다
not_found.webhook = 웹훅을 찾을 수 없습니다

# onboarding
onboarding.already_has_account = {email}은(는) 이미 계정이 있습니다
onboarding.invitations_are_staff_employee_moderator = 초대는 직원용입니다: 직원, 운영자, 관리자
onboarding.link_invalid_used_expired_ask = 잘못되었거나 이미 쓰였거나 만료된 링크입니다. 새 링크를 요청해 주세요

# pagination
pagination.must_between_1_100 = 1에서 100 사이여야 합니다
pagination.not_cursor_list_start_again = 이 목록의 커서가 아닙니다. 커서 없이 다시 시작해 주세요

# password
password.must_at_least_characters = {min_password_chars}자 이상이어야 합니다

# personal_data
personal_data.account_number = 계좌번호
personal_data.advice_private_details = 나와 직원만 보는 비공개 정보 칸으로 옮겨 주세요
personal_data.advice_remove = 지워 주세요: 여기 쓰는 글은 모두 공개됩니다
personal_data.advice_ticket_thread = 지워 주세요: 답글은 공개됩니다. 문의의 비공개 정보는 직원이 봅니다
personal_data.card_number = 카드 번호
personal_data.email = 이메일 주소
personal_data.landline = 전화번호
personal_data.mobile_phone = 휴대전화 번호
personal_data.refused = {kind}이(가) 들어 있습니다 — 개인정보는 공개할 수 없습니다. {advice}
personal_data.resident_number = 주민등록번호

# policy
policy.admins = 관리자 계정이 필요합니다.
policy.moderators = 운영자나 관리자 계정이 필요합니다.
policy.not_allowed = 허용되지 않는 일입니다.
policy.owner_only = 본인만 할 수 있습니다.
policy.owner_or_staff = 본인이나 직원만 할 수 있습니다.
policy.staff = 직원 계정이 필요합니다.

# privacy
privacy.last_admin = 마지막 관리자는 계정을 지울 수 없습니다. 먼저 다른 사람을 관리자로 정해 주세요
privacy.not_your_current_password = 지금 비밀번호와 다릅니다

# problem
problem.bad_request = 잘못된 요청
problem.bad_token = API 토큰이 올바르지 않습니다
problem.method_not_allowed = 허용되지 않는 메서드
problem.too_large = 요청이 너무 큽니다
problem.unavailable = 서비스를 쓸 수 없습니다

# range
range.must_between_1 = 1에서 {max_days} 사이여야 합니다
range.must_date_like_2026_11 = 2026-11-26 같은 날짜로 써 주세요
range.must_not_after = `to`보다 뒤일 수 없습니다
range.range_may_span_at_most = 기간은 {max_days}일까지입니다

# redact
redact.give_exact_text_remove_at = 지울 글을 정확히 써 주세요 (3자 이상)
redact.that_text_not_post = 이 글에 없는 내용입니다

# remedy
remedy.give_its_value_won_1 = 금액을 원 단위로 1에서 {max_amount_won} 사이로 써 주세요
remedy.limits_are_staff_roles = 한도는 직원 역할에만 정합니다
remedy.must_0 = 0에서 {max_amount_won} 사이여야 합니다
remedy.must_month_free_credit_custom = month_free, credit, custom 중 하나여야 합니다
remedy.remedy_not_waiting_approval = 보상 {id}은(는) {status} 상태라 승인을 기다리지 않습니다
remedy.kind_month_free = 한 달 무료
remedy.kind_credit = {amount}원 크레딧
remedy.say_what_custom_remedy = 어떤 보상인지 적어 주세요
remedy.you_filed_ticket_yourself_colleague = 직접 남긴 문의입니다. 약속과 보상은 동료가 합니다.

# report
report.must_spam_abuse_personal_information = spam, abuse, personal_information, off_topic, other 중 하나여야 합니다
report.report_already = 신고 {id}은(는) 이미 {status} 상태입니다

# review
review.at_most_words_there_are = 단어는 {max_words}개까지입니다 (지금 {next}개)
review.each_word_must_at_most = 단어는 하나에 {max_word_chars}자까지입니다: `{long}`이(가) 깁니다

# rpc
rpc.give_amount_won = 금액을 원 단위로 써 주세요
rpc.mail_frequency = 즉시, 하루 한 번, 끄기 중에서 골라 주세요
rpc.language = ko 또는 en 중에서 고르세요
rpc.must_be_idea_number = 아이디어 번호여야 합니다
rpc.not_an_idea_number = `{part}`은(는) 아이디어 번호가 아닙니다
rpc.won_as_number = 금액을 숫자로 써 주세요

# search
search.give_at_least_two_letters = 두 글자 이상이나 한글 한 글자 이상으로 검색해 주세요

# server
server.bad_request = 요청을 읽을 수 없습니다: {reason}
server.bad_token = API 토큰을 모르거나, 취소되었거나, 만료되었습니다.
server.database_down = 데이터베이스가 응답하지 않습니다.
server.starting = 서버가 시작하는 중입니다: 검색 색인을 맞추고 있습니다.
server.foreign_origin = 이 사이트에서 보낸 요청이 아닙니다 (Origin 헤더가 없거나 다릅니다).
server.json_object = JSON 객체여야 합니다
server.method_not_allowed = 이 주소는 이 HTTP 메서드를 받지 않습니다.
server.no_endpoint = 그런 API 주소는 없습니다.
server.nothing_here = 이 주소에는 아무것도 없습니다.
server.nul = NUL 문자를 넣을 수 없습니다
server.too_large = 요청 본문이 서버가 받는 크기보다 큽니다.
server.unreadable_body = 읽을 수 없습니다: {reason}
server.unreadable_field = {field}: 읽을 수 없습니다 ({reason})

# status
status.authors_may_resolve_close_reopen = 작성자는 문의를 해결, 종료하거나 다시 열 수 있습니다. 다른 상태는 직원이 정합니다.
status.customer_waiting_answer_say_publicly = 고객이 답을 기다리고 있습니다: 왜 종료하는지 공개적으로 밝혀 주세요 (예: “VOC-000123과 같은 문의”)
status.only_staff_ticket_s_author = 직원이나 문의 작성자만 상태를 바꿀 수 있습니다.
status.promise_s_not_yet_kept = 지키지 않은 약속 {promises}건과 승인을 기다리는 보상 {remedies}건이 있습니다: 날짜와 함께 열어 두거나, 이유를 밝히고 거두어 주세요
status.say_publicly_why_promises_are = 약속을 거두는 이유를 공개적으로 밝혀 주세요
status.ticket_already = 이미 {status} 상태인 문의입니다
status.tickets_can_reopened_14_days = 문의는 해결 후 14일 동안만 다시 열 수 있습니다. 새 문의를 남겨 주세요

# store
store.no_category = `{slug}` 분야가 없습니다

# suspend
suspend.admins_cannot_suspended = 관리자는 정지할 수 없습니다.
suspend.must_1_8760_year = 1에서 8760(1년) 사이여야 합니다
suspend.you_cannot_suspend_yourself = 자기 자신은 정지할 수 없습니다

# target
target.choose_at_least_one_event = 이벤트 종류를 하나 이상 골라 주세요
target.must_address_internet_not_loopback = 인터넷 주소여야 합니다. 루프백, 사설, 링크 로컬 주소는 안 됩니다
target.must_at_most_2000_characters = 2000자까지 쓸 수 있습니다
target.must_at_most_200_characters = 200자까지 쓸 수 있습니다
target.must_name_host_contain_no = 호스트가 있어야 하고 빈칸이 없어야 합니다
target.must_start_with_http_https = http:// 또는 https://로 시작해야 합니다
target.unknown_event_type_choose_from = 알 수 없는 이벤트 종류 `{wanted}`입니다. 다음 중에서 골라 주세요: {join}

# ticket_status
ticket_status.acknowledged = 확인
ticket_status.closed = 종료
ticket_status.in_progress = 처리 중
ticket_status.open = 접수
ticket_status.resolved = 해결
ticket_status.waiting_for_customer = 회원님의 답변 대기

# user
user.account_with_e_mail_already = 이메일 {email}로 된 계정이 이미 있습니다
user.account_with_e_mail_already_2 = 이 이메일로 된 계정이 이미 있습니다
user.last_admin = 마지막 관리자입니다. 먼저 다른 사람을 관리자로 정해 주세요
user.must_1_12_characters = 1–12자로 써 주세요

# view
view.not_sort_order_use_new = `{other}`은(는) 정렬 순서가 아닙니다. `new`나 `urgent`를 쓰세요
view.use_me_none_member_id = `me`, `none` 또는 회원 번호를 쓰세요

# vote
vote.idea_was_merged_into_idea = 아이디어 {number}은(는) 아이디어 {target}에 합쳐졌습니다. 그쪽에 투표해 주세요
vote.member_cast_vote_themselves_only = 회원이 직접 한 투표라 본인만 취소할 수 있습니다
vote.no_member_has_e_mail = 이 이메일 주소를 쓰는 회원이 없습니다
vote.vote_yourself_with_put_api = 본인 투표는 PUT /api/v1/ideas/{number}/vote로 하세요

# Idea statuses, as notices name them
idea_status.new = 새 아이디어
idea_status.under_review = 검토 중
idea_status.planned = 계획됨
idea_status.in_progress = 진행 중
idea_status.done = 완료
idea_status.declined = 반려
idea_status.duplicate = 중복

# Notifications (the bell and notification mail), in the member's language.
said = {text}
notice.comment = {author}님이 #{number} “{title}”에 댓글을 남겼습니다
notice.comments = #{number} “{title}”에 새 댓글 {count}개 (최근: {author}님)
notice.mention = {author}님이 “{title}”에서 회원님을 언급했습니다
notice.idea_status = #{number} “{title}”의 상태가 ‘{status}’(으)로 바뀌었습니다
notice.announcement = #{number} “{title}” 관련 새 공지: {announcement}
notice.ticket = {actor}님이 {did} · {number}: {title}
notice.staff_name = {name} ({department})
notice.did.answered = 답변했습니다
notice.did.wrote_again = 다시 글을 남겼습니다
notice.did.handed = {department} 부서로 넘겼습니다
notice.did.marked = 상태를 ‘{status}’(으)로 바꿨습니다
notice.did.promised = {due_on}까지 약속했습니다
notice.did.granted = 보상을 드렸습니다: {remedy} ({amount}원)
notice.did.approved = 보상을 승인했습니다: {remedy} ({amount}원)
notice.did.not_approved = 보상을 승인하지 않았습니다: {remedy} ({amount}원)
notice.promise_kept = {number}의 약속을 지켰습니다: {promise}
notice.promise_overdue = {number}의 약속 기한이 지났습니다: {promise}
notice.promise_overdue.customer = 기한은 {due_on}이었습니다. 담당 팀에 알렸으며, 스레드에서 진행 상황을 물어보실 수 있습니다.
notice.promise_overdue.staff = 약속 기한이 {due_on}이었습니다. 약속을 지키거나 이유를 밝히고 철회해 주세요.

# Roles, as mails name them
role.customer = 고객
role.employee = 직원
role.moderator = 운영자
role.admin = 관리자

# Mail (notification mail, digests, invitations, password resets)
mail.read_more = 자세히 보기:
mail.footer.settings = 메일 받는 방식(바로 받기, 하루 한 번 모아 받기, 받지 않기) 바꾸기: {settings}
mail.footer.unsubscribe = 클릭 한 번으로 수신 거부:
mail.why.ticket = 이 문의를 접수했거나 '나도요'를 눌러 이 메일을 받으셨습니다.
mail.why.mention = 누군가 회원님을 언급해 이 메일을 받으셨습니다.
mail.why.promise = 문의에서 약속이나 보상을 받으셔서 이 메일을 받으셨습니다.
mail.why.department = 문의가 회원님의 부서로 넘어와 이 메일을 받으셨습니다.
mail.why.assigned = 회원님이 담당한 문의라 이 메일을 받으셨습니다.
mail.why.idea = 이 아이디어를 팔로우하거나 투표하셔서 이 메일을 받으셨습니다.
mail.why.digest = 설정에서 하루 한 번 모아 받기를 선택하셔서 이 메일을 받으셨습니다.
mail.digest.intro = 지난 알림 모음 이후 새 소식:
mail.digest.subject_one = 마당 알림 모음: 새 소식 1건
mail.digest.subject = 마당 알림 모음: 새 소식 {count}건
mail.invite.subject = 마당 초대장
mail.invite.intro = 마당에서 {role}(으)로 고객에게 답변하도록 초대되었습니다.
mail.invite.intro_team = 마당에서 {department} 부서의 {role}(으)로 고객에게 답변하도록 초대되었습니다.
mail.invite.link = 아래 링크를 열어 이름과 비밀번호를 정하세요 (7일 동안 한 번만 쓸 수 있습니다):
mail.reset.subject = 마당 비밀번호 재설정
mail.reset.intro = 마당 계정의 비밀번호 재설정을 요청하셨습니다.
mail.reset.link = 한 시간 안에 아래 링크를 열어 새 비밀번호를 정하세요:
mail.reset.ignore = 직접 요청하지 않으셨다면 이 메일은 무시하세요. 비밀번호는 그대로입니다.

# Consent to the collection and use of personal information (sign-up)
consent.title = 개인정보 수집·이용 동의
consent.collected = 수집 항목: 이메일 주소, 직접 정한 이름, 비밀번호(해시로만 저장), 이곳에 올린 글(아이디어, 댓글, 투표, 문의).
consent.purpose = 이용 목적: 계정 운영, 문의 답변, 팔로우한 아이디어와 문의 소식 안내, 게시판 악용 방지.
consent.retention = 보유 기간: 회원 탈퇴 시까지. 탈퇴 후 공개 글은 '탈퇴한 회원'의 글로 표시됩니다. 로그인 기록은 90일 동안 보관합니다.
consent.refuse = 동의를 거부할 수 있으나, 이 경우 계정을 만들 수 없습니다. 계정 없이도 모든 글을 읽을 수 있습니다.
consent.required = 계정을 만들려면 개인정보 수집·이용에 동의해 주세요
consent.outdated = 양식을 연 사이에 동의 내용이 바뀌었습니다. 다시 읽고 동의해 주세요
mail.verify.subject = 마당 이메일 주소 확인
mail.verify.intro = 마당에 오신 것을 환영합니다. 이 주소가 회원님의 것인지 확인해 주세요.
mail.verify.link = 7일 안에 아래 링크를 여세요:
mail.verify.ignore = 가입하지 않으셨다면 이 메일은 무시하세요. 더 이상 메일을 보내지 않습니다.

# Tombstones of hidden content (domain::visibility)
tombstone.reason = {reason}
tombstone.with_guideline = {reason} — 운영원칙 {guideline}번
hidden_reason.spam = 스팸
hidden_reason.abuse = 욕설·괴롭힘
hidden_reason.personal_information = 개인정보
hidden_reason.off_topic = 주제와 무관
hidden_reason.other = 기타
hidden_reason.held_for_review = 검토 대기
remedy_status.granted = 지급됨
remedy_status.pending_approval = 승인 대기
remedy_status.rejected = 승인 안 됨
# Column headers of the dashboard CSV downloads (English keeps the field names scripts read).
csv.day = 날짜
csv.ideas = 아이디어
csv.tickets = 문의
csv.comments = 댓글
csv.votes = 투표
csv.active_members = 활동 회원
csv.department = 부서
csv.target_minutes = 약속(분)
csv.answered = 답변 수
csv.median_minutes = 중앙값(분)
csv.p90_minutes = 90%(분)
csv.sla_met = 약속 지킴
csv.sla_breached = 약속 넘김
csv.sla_percent = 지킨 비율(%)
csv.figure = 지표
csv.count = 건수
csv.average = 평균
csv.pending = 진행 중
csv.kept_on_time = 제때 지킴
csv.kept_late = 늦게 지킴
csv.overdue = 기한 넘김
csv.withdrawn = 철회
csv.month = 월
csv.ideas_delivered = 완료한 아이디어
csv.number = 번호
csv.title = 제목
csv.votes_gained = 늘어난 투표
csv.ticket = 문의
csv.marks = 나도요
csv.member_id = 회원 번호
csv.name = 이름
csv.replies = 답변
csv.decisions = 결정
csv.total = 합계
csv.staff = 직원 수
csv.staff_answering = 답한 직원
csv.answers = 답변 수
timeline.merged_into = [#{number}](/ideas/{number})에 합쳤습니다: 같은 아이디어입니다. 투표와 팔로워는 옮겨졌고, 이곳의 토론은 그대로 남습니다.
timeline.unmerged_from = [#{number}](/ideas/{number})에서 다시 나눴습니다: 결국 다른 아이디어입니다.
timeline.guideline = 지침 {number}
curation_field.title = 제목
curation_field.category = 분류
curation_field.tags = 태그
feed.new_ideas = 새 아이디어
member.hidden = 숨겨진 회원
member.deleted = 탈퇴한 회원
feed.announcements = 공지
customer.not_found = 해당 고객이 없습니다
customer.no_note = 이 고객에게 해당 메모가 없습니다
customer.no_tag = 해당 태그가 없습니다
customer.note_author_only = 메모는 작성한 직원만 고칠 수 있습니다
customer.note_edit_window = 메모는 작성 후 15분 동안만 고칠 수 있습니다
customer.tag_length = 1–{max_chars}자여야 합니다
customer.tag_exists = “{name}” 태그가 이미 있습니다
customer.unknown_tag = “{name}” 태그는 목록에 없습니다. 관리자가 먼저 추가해야 합니다
customer.unknown_sort = last_activity, open_tickets, remedies 중 하나여야 합니다
answer_review.no_answer = 그런 직원 공개 답변이 없습니다
answer_review.no_review = 그런 평가가 없습니다
answer_review.not_own = 자기 답변은 평가할 수 없습니다. 다른 관리자가 평가해 주세요
answer_review.score_range = 점수는 1에서 5 사이입니다(받은 값: {score})
answer_review.no_guideline = id {id}인 가이드라인이 없습니다
answer_review.guideline_twice = 가이드라인 {id}에 점수를 두 번 매겼습니다
answer_review.already_reviewed = 이 답변은 이미 평가했습니다
answer_review.own_only = 자기 답변의 평가만 볼 수 있습니다
answer_review.reply_employee_only = 평가받은 직원만 답할 수 있습니다
csv.reviewed = 평가한 답변
csv.average_score = 평균 점수
csv.weakest_guideline = 가장 약한 가이드라인
csv.weakest_average = 그 가이드라인 평균
department.business_hours_format = 요일과 시간을 mon-fri 09:00-18:00; sat 10:00-14:00 처럼 적어 주세요 (비우면 24시간)
department.unknown_time_zone = “{zone}”은(는) 시간대가 아닙니다. Asia/Seoul 같은 IANA 이름을 쓰세요
holiday.day_format = 날짜는 YYYY-MM-DD 형식으로 적어 주세요
holiday.exists = {day}은(는) 이미 휴일 목록에 있습니다
holiday.not_found = 그런 휴일이 없습니다
customer.merge_same = 같은 계정끼리는 합칠 수 없습니다
customer.merge_no_target = 남길 고객 계정이 없습니다
