# Server messages (domain::i18n): problem documents, field errors, mail.
# `{name}` is an argument. ko.ftl has the same keys (a test checks).

# Problem titles and fixed details (domain::error)
problem.unauthorized = Not signed in
problem.unauthorized.detail = Sign in to do this.
problem.forbidden = Forbidden
problem.not_found = Not found
problem.invalid = Invalid input
problem.conflict = Conflict
problem.bad_credentials = Sign-in failed
problem.bad_credentials.detail = The e-mail address or the password is not correct.
problem.rate_limited = Too many attempts
problem.rate_limited.detail = Too many attempts. Try again in {seconds} seconds.
problem.internal = Internal error
problem.internal.detail = Something went wrong on our side (request {incident}).

# announcement
announcement.link_at_most_ideas = link at most {max_linked_ideas} ideas
announcement.must_5_characters = must be 5–{title_max_chars} characters
announcement.no_such_idea = no such idea: {join}

# answer_kit
answer_kit.must_1_5000_characters = must be 1–5000 characters
answer_kit.must_3_80_characters = must be 3–80 characters

# auth
auth.must_1_366_days = must be 1–366 days
auth.suspended = Your account is suspended until {until}: {reason}. You can still read.
auth.suspended_no_reason = Your account is suspended until {until}: no reason given. You can still read.

# category
category.category_with_slug_exists = a category with slug `{slug}` exists

# command
command.explain_decision_at_least_10 = explain the decision in at least 10 characters
command.idea_cannot_repeat_itself = an idea cannot repeat itself
command.must_at_most_characters_2 = must be at most {private_details_max_chars} characters
command.must_describe_idea = must describe the idea
command.must_describe_what_happened = must describe what happened
command.must_staff_member = must be a staff member
command.name_department_hand = name the department to hand it to
command.name_idea_one_repeats = name the idea this one repeats
command.no_such_idea = no such idea
command.promises_remedies_are_made_public = promises and remedies are made in public replies, not internal notes
command.ticket_already_with = the ticket is already with {name}
command.ticket_closed_file_new_one = this ticket is closed; file a new one or ask staff to reopen it

# comment
comment.comments_can_edited_15_minutes = comments can be edited for 15 minutes after posting
comment.moderator_hid_comment_cannot_edited = a moderator hid this comment; it cannot be edited
comment.moderator_locked_discussion = a moderator locked this discussion: {locked_reason}
comment.must_at_most_characters_has = must be at most {max_chars} characters (it has {chars})

# commitment
commitment.must_date_like_2026_12 = must be a date like 2026-12-31
commitment.must_today_later = must be today or later
commitment.no_department = no department `{slug}`
commitment.not_one_pending_kept_overdue = `{raw}` is not one of pending, kept, overdue, withdrawn
commitment.not_one_pending_kept_withdrawn = `{status}` is not one of pending, kept, withdrawn (overdue comes by itself)
commitment.not_one_pending_kept_withdrawn_2 = `{other}` is not one of pending, kept, withdrawn (overdue comes by itself)
commitment.say_publicly_why_promise_withdrawn = say publicly why the promise is withdrawn
commitment.say_what_will_done_5 = say what will be done in 5–500 characters
commitment.show_that_was_done_link = show that it was done: a link or a sentence

# content_kind
content_kind.comment = comment
content_kind.idea = idea
content_kind.profile = profile
content_kind.ticket = ticket
content_kind.ticket_post = ticket post

# curation
curation.already_featured = the idea is already featured
curation.at_most_ideas_can_featured = at most {max_pinned} ideas can be featured; unpin one first
curation.discussion_already_locked = the discussion is already locked
curation.discussion_not_locked = the discussion is not locked
curation.give_new_title_category_tags = give a new title, category or tags
curation.hidden_merged_ideas_cannot_featured = hidden or merged ideas cannot be featured
curation.not_featured = the idea is not featured

# department
department.department_with_slug_exists = a department with slug `{slug}` exists
department.must_between_1_10080_one = must be between 1 and 10080 (one week)
department.no_department_with_slug = no department with slug `{slug}`

# edit
edit.give_new_title_description = give a new title or description
edit.only_visible_reply_can_corrected = only a visible reply can be corrected
edit.tickets_replies_can_corrected_15 = tickets and replies can be corrected for 15 minutes after posting; ask staff to redact anything later

# events
events.at_most_20_topics = at most 20 topics
events.name_at_least_one_topic = name at least one topic
events.staff_queue_s_events_are = The staff queue's events are for staff.
events.unknown_topic_use_board_queue = unknown topic `{name}`; use board, queue, me, idea:N or ticket:VOC-N

# feedback
feedback.must_1_5 = must be 1 to 5
feedback.ticket_can_rated_once_resolved = a ticket can be rated once it is resolved
feedback.you_filed_ticket_me_too = you filed this ticket; "me too" is for others affected

# field
field.at_least_characters = must be at least {min} characters
field.characters_between = must be {min}–{max} characters
field.must_1_80_characters = must be 1–80 characters
field.must_5_120_characters = must be 5–120 characters
field.must_at_most_1000_characters = must be at most 1000 characters
field.must_at_most_80_characters = must be at most 80 characters
field.must_at_most_300_characters = must be at most 300 characters
field.must_at_most_5000_characters = must be at most 5000 characters
field.must_at_most_characters = must be at most {body_max_chars} characters
field.must_at_most_characters_has = must be at most {body_max_chars} characters (it has {body_chars})
field.must_e_mail_address_like = must be an e-mail address like name@example.com
field.must_not_empty = must not be empty
field.say_why_3_500_characters = say why in 3–500 characters
field.slug_letters = must be 2–40 lower-case letters, digits or dashes

# guard
guard.new_members_may_include_at = new members may include at most {new_member_links} links in a post during their first {new_member_days} days (this one has {links})

# guideline
guideline.must_3_300_characters = must be 3–300 characters
guideline.no_guideline_guidelines_are_numbered = no guideline {raw}; the guidelines are numbered {yet}
guideline.none_yet = — none are written yet

# hide
hide.already_hidden = the {kind} is already hidden
hide.not_hidden = the {kind} is not hidden
hide.staff_profiles_stay_visible_staff = Staff profiles stay visible: staff answer in their own name.

# idea
idea.at_most_tags = at most {max} tags
idea.tag_length = each tag must be at most {max} characters

# merge
merge.idea_already_merged_into_idea = idea {number} is already merged into idea {already}
merge.idea_cannot_merged_into_itself = an idea cannot be merged into itself
merge.idea_has_no_merge_undo = idea {number} has no merge to undo
merge.idea_not_merged = idea {number} is not merged
merge.no_idea = no idea #{into}
merge.was_merged_into_merge_into = #{into} was merged into #{further}; merge into that one

# not_found
not_found.account = account not found
not_found.announcement = announcement {id} not found
not_found.canned_answer = canned answer {id} not found
not_found.comment = comment {id} not found
not_found.commitment = commitment {id} not found
not_found.content = {kind} {id} not found
not_found.department = department `{slug}` not found
not_found.guideline = guideline {id} not found
not_found.idea = idea {number} not found
not_found.member = member {member_id} not found
not_found.member_2 = member {id} not found
not_found.member_3 = member {member} not found
not_found.no_dashboard_table_tables_are = no dashboard table `{table}`; the tables are {join}
not_found.post = post {post_id} in {number} not found
not_found.remedy = remedy {id} not found
not_found.report = report {id} not found
not_found.ticket = ticket {number} not found
not_found.token = token not found
not_found.unsubscribe_link = unsubscribe link not found
not_found.webhook = webhook not found

# onboarding
onboarding.already_has_account = {email} already has an account
onboarding.invitations_are_staff_employee_moderator = invitations are for staff: employee, moderator or admin
onboarding.link_invalid_used_expired_ask = this link is invalid, used or expired; ask for a new one

# pagination
pagination.must_between_1_100 = must be between 1 and 100
pagination.not_cursor_list_start_again = is not a cursor of this list; start again without it

# password
password.must_at_least_characters = must be at least {min_password_chars} characters

# personal_data
personal_data.account_number = an account number
personal_data.advice_private_details = move it to the private details, which only you and staff see
personal_data.advice_remove = remove it: everything here is public
personal_data.advice_ticket_thread = remove it: replies are public; staff see your ticket's private details
personal_data.card_number = a card number
personal_data.email = an e-mail address
personal_data.landline = a phone number
personal_data.mobile_phone = a mobile phone number
personal_data.refused = contains {kind} — personal data must not be public; {advice}
personal_data.resident_number = a resident registration number

# policy
policy.admins = This needs an admin account.
policy.moderators = This needs a moderator or admin account.
policy.not_allowed = This is not allowed.
policy.owner_only = Only the owner may do this.
policy.owner_or_staff = Only the owner or staff may do this.
policy.staff = This needs a staff account.

# privacy
privacy.last_admin = the last admin cannot delete their account; make someone else admin first
privacy.not_your_current_password = is not your current password

# problem
problem.bad_request = Bad request
problem.bad_token = Invalid API token
problem.method_not_allowed = Method not allowed
problem.too_large = Request too large
problem.unavailable = Service unavailable

# range
range.must_between_1 = must be between 1 and {max_days}
range.must_date_like_2026_11 = must be a date like 2026-11-26
range.must_not_after = must not be after `to`
range.range_may_span_at_most = the range may span at most {max_days} days

# redact
redact.give_exact_text_remove_at = give the exact text to remove (at least 3 characters)
redact.that_text_not_post = that text is not in this post

# remedy
remedy.give_its_value_won_1 = give its value in won, 1 to {max_amount_won}
remedy.limits_are_staff_roles = limits are for staff roles
remedy.must_0 = must be 0 to {max_amount_won}
remedy.must_month_free_credit_custom = must be month_free, credit or custom
remedy.remedy_not_waiting_approval = remedy {id} is {status}, not waiting for approval
remedy.kind_month_free = One month free
remedy.kind_credit = A credit of {amount} won
remedy.say_what_custom_remedy = say what the custom remedy is
remedy.you_filed_ticket_yourself_colleague = You filed this ticket yourself: a colleague makes promises and grants remedies on it.

# report
report.must_spam_abuse_personal_information = must be spam, abuse, personal_information, off_topic or other
report.report_already = report {id} is already {status}

# review
review.at_most_words_there_are = at most {max_words} words (there are {next})
review.each_word_must_at_most = each word must be at most {max_word_chars} characters: `{long}` is longer

# rpc
rpc.give_amount_won = give an amount in won
rpc.mail_frequency = choose instant, daily or off
rpc.language = choose ko or en
rpc.must_be_idea_number = must be an idea number
rpc.not_an_idea_number = `{part}` is not an idea number
rpc.won_as_number = give its value in won as a number

# search
search.give_at_least_two_letters = give at least two letters or one Korean syllable to search for

# server
server.bad_request = {reason}
server.bad_token = The API token is unknown, revoked or expired.
server.database_down = The database does not answer.
server.starting = The server is starting: the search index is catching up.
server.foreign_origin = This request did not come from this site (missing or foreign Origin header).
server.json_object = must be a JSON object
server.method_not_allowed = This endpoint does not accept this HTTP method.
server.no_endpoint = No such API endpoint.
server.nothing_here = Nothing is at this address.
server.nul = must not contain the NUL character
server.too_large = The request body is larger than the server accepts.
server.unreadable_body = {reason}
server.unreadable_field = {field}: {reason}

# status
status.authors_may_resolve_close_reopen = Authors may resolve, close or reopen their ticket; other statuses are set by staff.
status.customer_waiting_answer_say_publicly = the customer is waiting for an answer: say publicly why it is closed (for example “duplicate of VOC-000123”)
status.only_staff_ticket_s_author = Only staff or the ticket's author may change its status.
status.promise_s_not_yet_kept = {promises} promise(s) not yet kept and {remedies} remedy(ies) waiting for approval: keep them open with their dates, or withdraw them with a reason
status.say_publicly_why_promises_are = say publicly why the promises are withdrawn
status.ticket_already = the ticket is already {status}
status.tickets_can_reopened_14_days = tickets can be reopened for 14 days after resolution; please file a new one

# store
store.no_category = no category `{slug}`

# suspend
suspend.admins_cannot_suspended = Admins cannot be suspended.
suspend.must_1_8760_year = must be 1 to 8760 (a year)
suspend.you_cannot_suspend_yourself = you cannot suspend yourself

# target
target.choose_at_least_one_event = choose at least one event type
target.must_address_internet_not_loopback = must be an address on the internet, not a loopback, private or link-local one
target.must_at_most_2000_characters = must be at most 2000 characters
target.must_at_most_200_characters = must be at most 200 characters
target.must_name_host_contain_no = must name a host and contain no spaces
target.must_start_with_http_https = must start with http:// or https://
target.unknown_event_type_choose_from = unknown event type `{wanted}`; choose from {join}

# ticket_status
ticket_status.acknowledged = acknowledged
ticket_status.closed = closed
ticket_status.in_progress = in progress
ticket_status.open = open
ticket_status.resolved = resolved
ticket_status.waiting_for_customer = waiting for the customer

# user
user.account_with_e_mail_already = an account with e-mail {email} already exists
user.account_with_e_mail_already_2 = an account with this e-mail already exists
user.last_admin = this is the last admin; make someone else admin first
user.must_1_12_characters = must be 1–12 characters

# view
view.not_sort_order_use_new = `{other}` is not a sort order; use `new` or `urgent`
view.use_me_none_member_id = use `me`, `none` or a member id

# vote
vote.idea_was_merged_into_idea = idea {number} was merged into idea {target}; vote there
vote.member_cast_vote_themselves_only = the member cast this vote themselves; only they can withdraw it
vote.no_member_has_e_mail = no member has this e-mail address
vote.vote_yourself_with_put_api = vote for yourself with PUT /api/v1/ideas/{number}/vote

# Idea statuses, as notices name them
idea_status.new = new
idea_status.under_review = under review
idea_status.planned = planned
idea_status.in_progress = in progress
idea_status.done = done
idea_status.declined = declined
idea_status.duplicate = duplicate

# Notifications (the bell and notification mail), in the member's language.
# `said` is what somebody wrote, shown as written.
said = {text}
notice.comment = {author} commented on #{number}: {title}
notice.comments = {count} new comments on #{number}: {title} (latest by {author})
notice.mention = {author} mentioned you on “{title}”
notice.idea_status = #{number} {title} → {status}
notice.announcement = #{number} {title}: {announcement}
notice.ticket = {actor} {did} · {number}: {title}
notice.staff_name = {name} ({department})
notice.did.answered = answered
notice.did.wrote_again = wrote again
notice.did.handed = handed it to {department}
notice.did.marked = marked it {status}
notice.did.promised = promised by {due_on}
notice.did.granted = granted {remedy} ({amount} won)
notice.did.approved = approved {remedy} ({amount} won)
notice.did.not_approved = did not approve {remedy} ({amount} won)
notice.promise_kept = Promise kept in {number}: {promise}
notice.promise_overdue = Promise overdue in {number}: {promise}
notice.promise_overdue.customer = It was due on {due_on}. The team has been reminded; you can ask for news in the thread.
notice.promise_overdue.staff = Your promise was due on {due_on}: keep it or withdraw it with a reason.

# Roles, as mails name them
role.customer = customer
role.employee = employee
role.moderator = moderator
role.admin = admin

# Mail (notification mail, digests, invitations, password resets)
mail.read_more = Read more:
mail.footer.settings = Choose instant mail, a daily digest or none: {settings}
mail.footer.unsubscribe = Unsubscribe with one click:
mail.why.ticket = You get this mail because you filed this ticket or said it happened to you too.
mail.why.mention = You get this mail because somebody mentioned you.
mail.why.promise = You get this mail because a promise or remedy was offered to you in your ticket.
mail.why.department = You get this mail because a ticket was handed to your department.
mail.why.assigned = You get this mail because the ticket is assigned to you.
mail.why.idea = You get this mail because you follow or voted for this idea.
mail.why.digest = You get this daily digest because you chose it in your settings.
mail.digest.intro = What happened since your last digest:
mail.digest.subject_one = Your Madang digest: 1 update
mail.digest.subject = Your Madang digest: {count} updates
mail.invite.subject = Your invitation to Madang
mail.invite.intro = You are invited to answer customers on Madang as {role}.
mail.invite.intro_team = You are invited to answer customers on Madang as {role} in {department}.
mail.invite.link = Open this link to choose your name and password (valid for 7 days, once):
mail.reset.subject = Reset your Madang password
mail.reset.intro = Someone asked to reset the password of your Madang account.
mail.reset.link = Open this link within one hour to choose a new password:
mail.reset.ignore = If it was not you, ignore this mail; your password stays as it is.

# Consent to the collection and use of personal information (sign-up)
consent.title = Consent to the collection and use of personal information
consent.collected = What we collect: your e-mail address, the name you choose, your password (stored only as a hash), and what you post here (ideas, comments, votes, tickets).
consent.purpose = Why: to run your account, answer your tickets, tell you about ideas and tickets you follow, and keep the board free of abuse.
consent.retention = How long: until you delete your account; posts you made public are then shown as from a deleted member. Sign-in records are kept for 90 days.
consent.refuse = You may refuse, but then you cannot create an account; you can still read everything without one.
consent.required = agree to the collection and use of personal information to create an account
consent.outdated = the consent text changed while the form was open; read it again and agree
mail.verify.subject = Confirm your e-mail address for Madang
mail.verify.intro = Welcome to Madang. Please confirm that this address is yours.
mail.verify.link = Open this link within 7 days:
mail.verify.ignore = If you did not sign up, ignore this mail; nothing else will be sent.

# Tombstones of hidden content (domain::visibility)
tombstone.reason = {reason}
tombstone.with_guideline = {reason} — guideline {guideline}
hidden_reason.spam = spam
hidden_reason.abuse = abuse
hidden_reason.personal_information = personal information
hidden_reason.off_topic = off topic
hidden_reason.other = other
hidden_reason.held_for_review = held for review
remedy_status.granted = granted
remedy_status.pending_approval = waiting for approval
remedy_status.rejected = not approved
# Column headers of the dashboard CSV downloads (English keeps the field names scripts read).
csv.day = day
csv.ideas = ideas
csv.tickets = tickets
csv.comments = comments
csv.votes = votes
csv.active_members = active_members
csv.department = department
csv.target_minutes = target_minutes
csv.answered = answered
csv.median_minutes = median_minutes
csv.p90_minutes = p90_minutes
csv.sla_met = sla_met
csv.sla_breached = sla_breached
csv.sla_percent = sla_percent
csv.figure = figure
csv.count = count
csv.average = average
csv.pending = pending
csv.kept_on_time = kept_on_time
csv.kept_late = kept_late
csv.overdue = overdue
csv.withdrawn = withdrawn
csv.month = month
csv.ideas_delivered = ideas_delivered
csv.number = number
csv.title = title
csv.votes_gained = votes_gained
csv.ticket = ticket
csv.marks = marks
csv.member_id = member_id
csv.name = name
csv.replies = replies
csv.decisions = decisions
csv.total = total
csv.staff = staff
csv.staff_answering = staff_answering
csv.answers = answers
timeline.merged_into = Merged into [#{number}](/ideas/{number}): the same idea. Votes and followers were carried over; the discussion stays here.
timeline.unmerged_from = Unmerged from [#{number}](/ideas/{number}): a separate idea after all.
timeline.guideline = guideline {number}
curation_field.title = title
curation_field.category = category
curation_field.tags = tags
feed.new_ideas = New ideas
member.hidden = Hidden member
member.deleted = Deleted member
feed.announcements = Announcements
customer.not_found = no such customer
customer.no_note = no such note on this customer
customer.no_tag = no such tag
customer.note_author_only = only the staff member who wrote a note can correct it
customer.note_edit_window = notes can be corrected for 15 minutes after writing
customer.tag_length = must be 1–{max_chars} characters
customer.tag_exists = there is already a tag named “{name}”
customer.unknown_tag = “{name}” is not on the tag list; an admin adds it first
customer.unknown_sort = must be last_activity, open_tickets or remedies
answer_review.no_answer = no such public staff answer
answer_review.no_review = no such review
answer_review.not_own = nobody reviews their own answers; another manager can
answer_review.score_range = scores are 1 to 5 (got {score})
answer_review.no_guideline = there is no guideline with id {id}
answer_review.guideline_twice = guideline {id} is scored twice
answer_review.already_reviewed = this answer has been reviewed already
answer_review.own_only = you can read the reviews of your own answers only
answer_review.reply_employee_only = only the employee whose answer was reviewed can reply
csv.reviewed = reviewed
csv.average_score = average_score
csv.weakest_guideline = weakest_guideline
csv.weakest_average = weakest_average
department.business_hours_format = write the hours as days and times, e.g. mon-fri 09:00-18:00; sat 10:00-14:00 (empty: around the clock)
department.unknown_time_zone = “{zone}” is not a time zone; use an IANA name such as Asia/Seoul
holiday.day_format = a date as YYYY-MM-DD
holiday.exists = {day} is on the calendar already
holiday.not_found = no such holiday
customer.merge_same = an account cannot be merged into itself
customer.merge_no_target = no customer account with that id to keep
