-- Holiday reminders (SPEC §2.13, issue 7 item 2): before each holiday of the working calendar
-- (SPEC §1.5), every VIP customer's account manager is reminded to send greetings, once per
-- customer and holiday, even with two PCs running the job: the row is taken in the reminder's
-- own transaction. holiday_date is the first day of the holiday ("2026-10-01").
CREATE TABLE contacts_holiday_reminded (
    customer_id  {{id}} NOT NULL REFERENCES contacts_customer (id) ON DELETE CASCADE,
    holiday_date TEXT NOT NULL,
    reminder_id  {{id}},
    PRIMARY KEY (customer_id, holiday_date)
);
