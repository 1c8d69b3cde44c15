//! Sổ thu nộp đảng phí: the chi bộ's dues book on the phone. A month is one list: a tap on
//! "Tiền mặt" or "Cổng DVC" records that the member paid that way, at the member's usual
//! amount; a second tap takes it back (its deletion marker travels, "Hoàn tác" undoes).
//! "Chi tiết" holds the rest: another amount, several months at once (đóng gộp), a note, the
//! member's category under the rule and the amount the rule suggests. The totals, who is
//! behind and the share come from the domain's month book (`sotay_domain::dues`); the app
//! never handles money and logs in nowhere.

pub mod print;
pub mod year;

use leptos::prelude::*;
use sotay_domain::dues::builtin_rules;
use sotay_domain::dues::rules::{suggest, BaseFrom, BaseInput, CategoryKind, DuesRules};
use sotay_domain::dues::{month_book, BookRow, DuesPayment, DuesProfile, MonthBook, PaidBy, PaymentWay, RowStatus, YearMonth};
use sotay_domain::text::dues as words;

use crate::router::Screen;
use crate::store::{clock, use_store, Store};
use crate::text::dues as t;
use crate::ui::{date_value, parse_date_value, FieldError, PageTitle, RuleFileLoader, RuleFileTexts};

/// The largest amount a payment may carry, as the import checks it (100.000.000 đ a month).
const MAX_AMOUNT_DONG: u64 = 100_000_000;
/// The most months one payment may cover, as the import checks it.
const MAX_MONTHS_COVERED: u32 = 60;
/// A committee's dues rule file is a few kilobytes; anything far larger is not one.
const MAX_RULE_BYTES: f64 = 512.0 * 1024.0;

/// The rule the chi bộ follows: the one its committee loaded, else the built-in one.
pub fn rules_in_use(store: Store) -> Option<DuesRules> {
    store.dues_rules.get().map(|committee| committee.rules).or_else(builtin_rules)
}

/// The month's book from the store (tracked).
pub fn book_of(store: Store, month: YearMonth, rules: &DuesRules) -> MonthBook {
    store.members.with(|roster| {
        store.dues_profiles.with(|profiles| store.dues_payments.with(|payments| month_book(month, roster, profiles, payments, rules)))
    })
}

/// True when the chi bộ keeps a dues book: some payment is recorded.
pub fn keeps_book(store: Store) -> bool {
    store.dues_payments.with(|payments| !payments.is_empty())
}

fn month_of(value: Option<(i32, u32)>) -> YearMonth {
    value.and_then(|(year, month)| YearMonth::new(year, month)).unwrap_or_else(|| YearMonth::of(clock::today()))
}

fn href_of(month: YearMonth) -> String {
    Screen::Dues(Some((month.year(), month.month()))).href()
}

#[component]
pub fn DuesScreen(month: Option<(i32, u32)>) -> impl IntoView {
    let store = use_store();
    let month = month_of(month);
    let rules = Memo::new(move |_| rules_in_use(store));
    let book = Memo::new(move |_| rules.with(|rules| rules.as_ref().map(|rules| book_of(store, month, rules))));
    let has_chi_bo = move || store.chi_bo.with(Option::is_some);
    view! {
        <PageTitle title=t::TITLE.to_owned()/>
        <nav class="month-nav" aria-label=t::MONTH>
            {month.plus(-1).map(|previous| view! { <a class="button secondary small" href=href_of(previous)>{"‹ "}{t::PREVIOUS_MONTH}</a> })}
            <strong class="month-title">{t::month_title(month.year(), month.month())}</strong>
            {month.next().map(|next| view! { <a class="button secondary small" href=href_of(next)>{t::NEXT_MONTH}{" ›"}</a> })}
        </nav>
        <Show when=has_chi_bo fallback=|| view! {
            <section class="card"><p>{t::NO_CHI_BO}</p><a class="button" href=Screen::ChiBoSetup.href()>{crate::text::dues::SET_UP}</a></section>
        }>
            {move || book.with(|book| book.as_ref().map(|book| view! { <MonthTotals book=book.clone()/> }))}
            <section class="card dues-book">
                <p class="hint">{t::HINT}</p>
                {move || book.with(|book| book.as_ref().is_some_and(|b| b.rows.is_empty())).then(|| view! { <p>{t::NO_MEMBERS}</p> })}
                <ul class="dues-rows">
                    <For each=move || book.with(|book| book.as_ref().map(|b| b.rows.iter().map(|row| row.member_id.clone()).collect::<Vec<_>>()).unwrap_or_default())
                        key=|id| id.clone() let:member_id>
                        <DuesRow member_id=member_id month=month book=book rules=rules/>
                    </For>
                </ul>
            </section>
            <nav class="actions">
                <a class="button secondary" href=Screen::DuesPrint(month.year(), month.month()).href()>{t::PRINT_MONTH}</a>
                <print::MonthCsvButton month=month/>
                <a class="button secondary" href=Screen::DuesYear(month.year()).href()>{t::YEAR_BOOK}{" "}{month.year()}</a>
            </nav>
            <RuleInUse rules=rules/>
        </Show>
    }
}

/// The month's totals: paid of expected and the money, by way, the share, who is behind.
#[component]
fn MonthTotals(book: MonthBook) -> impl IntoView {
    let empty = book.paid == 0 && book.total_dong == 0;
    view! {
        <section class="card dues-totals" aria-live="polite">
            <h2>{t::TOTALS}</h2>
            <p class="report-line"><strong>{words::report_line(&book.report_line())}</strong></p>
            {empty.then(|| view! { <p class="hint">{t::NO_BOOK_YET}</p> })}
            <p>{words::by_way(&book)}</p>
            <p class="hint">{words::share(&book.share)}</p>
            <p>{words::behind(&book).unwrap_or_else(|| t::EVERYONE_PAID.to_owned())}</p>
            {words::paid_two_ways(&book).map(|text| view! { <p class="notice">{text}</p> })}
            {book.stray.iter().map(|stray| view! { <p class="notice">{words::stray(stray)}</p> }).collect_view()}
        </section>
    }
}

/// One member's line: name, standing, the two ways to tick, and the details.
#[component]
fn DuesRow(member_id: String, month: YearMonth, book: Memo<Option<MonthBook>>, rules: Memo<Option<DuesRules>>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(member_id);
    // This member's row alone: a tick on another row leaves this one as it is drawn.
    let row = Memo::new(move |_| book.with(|book| book.as_ref().and_then(|b| b.row(&id.get_value()).cloned())));
    let open = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let pressed = move |way: PaymentWay| {
        row.with(|row| {
            row.as_ref().and_then(|r| r.paid_by).is_some_and(|by| by == PaidBy::Both || by == paid_by_of(way))
        })
    };
    let tick = move |way: PaymentWay| {
        message.set(None);
        let Some(current) = row.get_untracked() else { return };
        let own: Vec<DuesPayment> = own_payments(store, &current.member_id, month).into_iter().filter(|p| p.way == way).collect();
        if !own.is_empty() {
            remove_payments(store, own);
            return;
        }
        if current.covered_from.is_some() && pressed(way) {
            open.set(true);
            return;
        }
        match current.usual_amount_dong.filter(|amount| *amount > 0) {
            Some(amount) => {
                if store.save_dues_payment(new_payment(&current.member_id, month, way, amount, 1, String::new(), None)).is_none() {
                    message.set(Some(t::SAVE_FAILED.to_owned()));
                }
            }
            None => {
                open.set(true);
                message.set(Some(t::AMOUNT_NEEDED.to_owned()));
            }
        }
    };
    let name = move || row.with(|row| row.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    view! {
        <li class="dues-row" class:paid=move || row.with(|r| r.as_ref().is_some_and(|r| r.status() == RowStatus::Paid))>
            <div class="dues-who">
                <span class="dues-name">{name}</span>
                <span class="dues-standing">{move || row.with(|row| row.as_ref().map(standing).unwrap_or_default())}</span>
            </div>
            <div class="dues-ways" role="group" aria-label=name>
                {PaymentWay::ALL.map(|way| view! {
                    <button type="button" class="dues-way" aria-pressed=move || if pressed(way) { "true" } else { "false" }
                        on:click=move |_| tick(way)>{way_label(way)}</button>
                })}
                <button type="button" class="dues-more" aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)>{move || if open.get() { t::CLOSE_DETAILS } else { t::DETAILS }}</button>
            </div>
            <FieldError message=message/>
            {move || open.get().then(|| view! { <RowDetails member_id=id.get_value() month=month row=row rules=rules message=message/> })}
        </li>
    }
}

fn paid_by_of(way: PaymentWay) -> PaidBy {
    match way {
        PaymentWay::Cash => PaidBy::Cash,
        PaymentWay::Portal => PaidBy::Portal,
    }
}

fn way_label(way: PaymentWay) -> &'static str {
    match way {
        PaymentWay::Cash => t::CASH,
        PaymentWay::Portal => t::PORTAL,
    }
}

/// "Đã đóng · Tiền mặt · 45.000 đ", "Chưa đóng · mức 45.000 đ", "Miễn đóng".
fn standing(row: &BookRow) -> String {
    match (row.status(), row.paid_by) {
        (RowStatus::Exempt, _) => t::EXEMPT.to_owned(),
        (RowStatus::Paid, Some(by)) => {
            let mut text = format!("{} · {} · {}", words::row_status(RowStatus::Paid), words::paid_by(by), words::money(row.amount_dong));
            if let Some(from) = row.covered_from {
                text.push_str(&format!(" · {} {}", t::COVERED_EARLIER, words::month(from)));
            }
            text
        }
        _ => match row.usual_amount_dong {
            Some(amount) => format!("{} · {} {}", t::UNPAID, t::USUAL.to_lowercase(), words::money(amount)),
            None => format!("{} · {}", t::UNPAID, t::NO_USUAL),
        },
    }
}

/// The member's payments made for `month` (starting in it), untracked.
fn own_payments(store: Store, member_id: &str, month: YearMonth) -> Vec<DuesPayment> {
    store.dues_payments.with_untracked(|payments| {
        payments.iter().filter(|p| p.member_id == member_id && p.month == month).cloned().collect()
    })
}

fn remove_payments(store: Store, payments: Vec<DuesPayment>) {
    let removed: Vec<DuesPayment> = payments.iter().filter_map(|p| store.delete_dues_payment(&p.id)).collect();
    if removed.is_empty() {
        return;
    }
    let toasts = expect_context::<crate::toast::Toasts>();
    toasts.offer_undo(t::REMOVED.to_owned(), move || {
        for payment in removed.clone() {
            store.save_dues_payment(payment);
        }
    });
}

fn new_payment(member_id: &str, month: YearMonth, way: PaymentWay, amount_dong: u64, months_covered: u32, note: String, paid_on: Option<chrono::NaiveDate>) -> DuesPayment {
    let now = clock::now();
    DuesPayment {
        id: clock::new_id("dp"),
        member_id: member_id.to_owned(),
        month,
        months_covered,
        amount_dong,
        way,
        paid_on: paid_on.or_else(|| Some(clock::today())),
        note,
        recorded_at: now,
        updated_at: now,
    }
}

/// "45.000": whole đồng with the thousands separator, as the amount fields show them.
fn grouped(dong: u64) -> String {
    words::money(dong).trim_end_matches(" đ").to_owned()
}

/// Whole đồng as typed: "45.000", "45000", "45 000" all read 45000.
fn parse_dong(text: &str) -> Option<u64> {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | '\u{a0}' | 'đ')).collect();
    digits.trim().parse().ok()
}

/// The details of a member's month: the payment made for it (its amount, months, way, day,
/// note), then the member's category and usual amount.
#[component]
fn RowDetails(member_id: String, month: YearMonth, row: Memo<Option<BookRow>>, rules: Memo<Option<DuesRules>>, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(member_id);
    let existing = own_payments(store, &id.get_value(), month).into_iter().next();
    let usual = row.with_untracked(|r| r.as_ref().and_then(|r| r.usual_amount_dong));
    let amount = RwSignal::new(existing.as_ref().map(|p| p.amount_dong).or(usual).map(grouped).unwrap_or_default());
    let months = RwSignal::new(existing.as_ref().map_or(1, |p| p.month_count()).to_string());
    let way = RwSignal::new(existing.as_ref().map_or(PaymentWay::Cash, |p| p.way));
    let note = RwSignal::new(existing.as_ref().map(|p| p.note.clone()).unwrap_or_default());
    let paid_on = RwSignal::new(existing.as_ref().and_then(|p| p.paid_on).or_else(|| Some(clock::today())));
    let editing = RwSignal::new(existing);
    let covered_from = move || row.with(|r| r.as_ref().and_then(|r| r.covered_from));
    let save = move |_| {
        let Some(amount_dong) = parse_dong(&amount.get_untracked()).filter(|a| (1..=MAX_AMOUNT_DONG).contains(a)) else {
            message.set(Some(t::AMOUNT_INVALID.to_owned()));
            return;
        };
        let Some(count) = months.get_untracked().trim().parse::<u32>().ok().filter(|m| (1..=MAX_MONTHS_COVERED).contains(m)) else {
            message.set(Some(t::MONTHS_INVALID.to_owned()));
            return;
        };
        let payment = match editing.get_untracked() {
            Some(mut payment) => {
                payment.amount_dong = amount_dong;
                payment.months_covered = count;
                payment.way = way.get_untracked();
                payment.note = note.get_untracked().trim().to_owned();
                payment.paid_on = paid_on.get_untracked();
                payment
            }
            None => new_payment(&id.get_value(), month, way.get_untracked(), amount_dong, count, note.get_untracked().trim().to_owned(), paid_on.get_untracked()),
        };
        match store.save_dues_payment(payment) {
            Some(saved) => {
                editing.set(Some(saved));
                message.set(None);
            }
            None => message.set(Some(t::SAVE_FAILED.to_owned())),
        }
    };
    let remove = move |_| {
        if let Some(payment) = editing.get_untracked() {
            remove_payments(store, vec![payment]);
            editing.set(None);
        }
    };
    let field_id = |name: &str| format!("dues-{name}-{}", id.get_value());
    view! {
        <div class="dues-details">
            {move || covered_from().map(|from| view! {
                <p class="notice">{t::COVERED_EARLIER}{" "}{words::month(from)}{". "}
                    <a href=href_of(from)>{t::COVERED_EARLIER_EDIT}{" "}{words::month(from)}</a></p>
            })}
            <fieldset class="dues-ways-choice">
                <legend>{t::WAY}</legend>
                {PaymentWay::ALL.map(|choice| view! {
                    <label class="check"><input type="radio" name=field_id("way") prop:checked=move || way.get() == choice
                        on:change=move |_| way.set(choice)/><span>{way_label(choice)}</span></label>
                })}
            </fieldset>
            <div class="two-columns">
                <label class="field"><span>{t::AMOUNT}</span>
                    <input type="text" inputmode="numeric" prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev))/></label>
                <label class="field"><span>{t::MONTHS_COVERED}</span>
                    <input type="number" inputmode="numeric" min="1" max="60" prop:value=move || months.get() on:input=move |ev| months.set(event_target_value(&ev))/>
                    <small class="hint">{t::MONTHS_COVERED_HINT}</small></label>
            </div>
            <div class="two-columns">
                <label class="field"><span>{t::PAID_ON}</span>
                    <input type="date" prop:value=move || date_value(paid_on.get()) on:change=move |ev| paid_on.set(parse_date_value(&event_target_value(&ev)))/></label>
                <label class="field"><span>{t::NOTE}</span>
                    <input type="text" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/></label>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=save>
                    {move || if editing.with(Option::is_some) { t::SAVE_PAYMENT } else { t::RECORD_PAYMENT }}</button>
                {move || editing.with(Option::is_some).then(|| view! {
                    <button type="button" class="button secondary" on:click=remove>{t::REMOVE_PAYMENT}</button>
                })}
            </div>
            <ProfileForm member_id=id.get_value() month=month rules=rules amount=amount/>
        </div>
    }
}

/// The member's category under the rule, the base it is computed from, the amount the rule
/// suggests (always editable) and the usual amount saved in the member's profile.
#[component]
fn ProfileForm(member_id: String, month: YearMonth, rules: Memo<Option<DuesRules>>, amount: RwSignal<String>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(member_id);
    let stored = store.dues_profiles.with_untracked(|profiles| profiles.iter().find(|p| p.member_id == id.get_value()).cloned());
    let category = RwSignal::new(stored.as_ref().map(|p| p.category_key.clone()).unwrap_or_default());
    let usual = RwSignal::new(stored.as_ref().map(|p| grouped(p.usual_amount_dong)).unwrap_or_default());
    let base = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<&'static str>);
    let profile = StoredValue::new(stored);
    let chosen = move || rules.with(|rules| rules.as_ref().and_then(|r| r.category_in(&category.get(), month).cloned()));
    let suggestion = move || {
        let key = category.get();
        if key.is_empty() {
            return None;
        }
        rules.with(|rules| {
            let rules = rules.as_ref()?;
            let base_text = base.get();
            let region_text = region.get();
            let input = match chosen().and_then(|c| c.base_from) {
                Some(BaseFrom::RegionalMinimumWage) if !region_text.is_empty() => BaseInput::Region(&region_text),
                Some(BaseFrom::RegionalMinimumWage) => BaseInput::None,
                None => parse_dong(&base_text).map_or(BaseInput::None, BaseInput::Dong),
            };
            Some(suggest(rules, &key, month, input))
        })
    };
    let use_suggested = move |_| {
        if let Some(Ok(found)) = suggestion() {
            if let Some(value) = found.amount.amount_dong() {
                usual.set(grouped(value));
            }
        }
    };
    let save = move |_| {
        saved.set(None);
        let Some(amount_dong) = parse_dong(&usual.get_untracked()).filter(|a| *a <= MAX_AMOUNT_DONG) else {
            saved.set(Some(t::AMOUNT_INVALID));
            return;
        };
        let mut next = profile.get_value().unwrap_or_else(|| DuesProfile::new(id.get_value(), String::new(), 0, clock::now()));
        next.category_key = category.get_untracked();
        next.usual_amount_dong = amount_dong;
        match store.save_dues_profile(next) {
            Some(stored) => {
                profile.set_value(Some(stored));
                if amount.with_untracked(String::is_empty) && amount_dong > 0 {
                    amount.set(grouped(amount_dong));
                }
                saved.set(Some(t::PROFILE_SAVED));
            }
            None => saved.set(Some(t::SAVE_FAILED)),
        }
    };
    let options = move || {
        rules.with(|rules| {
            rules.as_ref().map(|rules| {
                rules.categories.iter().filter(|c| c.applies_to(month)).map(|c| (c.key.clone(), words::category_line(c))).collect::<Vec<_>>()
            }).unwrap_or_default()
        })
    };
    let regions = move || {
        rules.with(|rules| rules.as_ref().and_then(|r| r.regional_minimum_wages.as_ref()).map(|w| w.regions.iter().map(|r| r.key.clone()).collect::<Vec<_>>()).unwrap_or_default())
    };
    view! {
        <div class="dues-profile">
            <h3>{t::PROFILE}</h3>
            <label class="field"><span>{t::CATEGORY}</span>
                <select on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="" selected=move || category.with(String::is_empty)>{t::CHOOSE_CATEGORY}</option>
                    {move || options().into_iter().map(|(key, label)| {
                        let selected = category.with_untracked(|c| *c == key);
                        view! { <option value=key selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            // A select shows its choice on one line: the whole label of the chosen category is
            // written out under it.
            {move || chosen().map(|c| view! { <p class="hint">{words::category_line(&c)}</p> })}
            {move || match chosen().map(|c| (c.kind, c.base_from)) {
                Some((CategoryKind::PercentOfBase, Some(BaseFrom::RegionalMinimumWage))) => Some(view! {
                    <label class="field"><span>{t::REGION}</span>
                        <select on:change=move |ev| region.set(event_target_value(&ev))>
                            <option value="">{t::CHOOSE_CATEGORY}</option>
                            {regions().into_iter().map(|key| view! { <option value=key.clone()>{key.clone()}</option> }).collect_view()}
                        </select></label>
                }.into_any()),
                Some((CategoryKind::PercentOfBase, None)) => Some(view! {
                    <label class="field"><span>{t::BASE}</span>
                        <input type="text" inputmode="numeric" prop:value=move || base.get() on:input=move |ev| base.set(event_target_value(&ev))/></label>
                }.into_any()),
                _ => None,
            }}
            {move || suggestion().map(|found| match found {
                Ok(found) => view! {
                    <p class="suggestion">{t::SUGGESTED}{": "}{words::suggestion(&found)}
                        {found.amount.amount_dong().map(|_| view! { {" "}<button type="button" class="button small secondary" on:click=use_suggested>{t::USE_SUGGESTED}</button> })}</p>
                }.into_any(),
                Err(issue) => view! { <p class="hint">{words::suggestion_issue(&issue)}</p> }.into_any(),
            })}
            <label class="field"><span>{t::USUAL}{" (đồng/tháng)"}</span>
                <input type="text" inputmode="numeric" prop:value=move || usual.get() on:input=move |ev| usual.set(event_target_value(&ev))/></label>
            <button type="button" class="button secondary" on:click=save>{t::SAVE_PROFILE}</button>
            {move || saved.get().map(|text| view! { <p class="hint" role="status">{text}</p> })}
        </div>
    }
}

/// The rule in use, its basis and source, and the committee's own rule file.
#[component]
fn RuleInUse(rules: Memo<Option<DuesRules>>) -> impl IntoView {
    let store = use_store();
    let own = move || store.dues_rules.with(Option::is_some);
    let texts = RuleFileTexts {
        hint: t::RULE_FILE_HINT,
        button: t::RULE_FILE_BUTTON,
        too_big: t::RULE_FILE_TOO_BIG,
        unreadable: t::RULE_FILE_UNREADABLE,
        refused: t::RULE_FILE_REFUSED,
        preview: t::RULE_FILE_PREVIEW,
        use_it: t::RULE_FILE_USE,
        cancel: t::RULE_FILE_CANCEL,
        save_failed: t::SAVE_FAILED,
        loaded: t::rule_loaded,
    };
    let read = |text: &str| DuesRules::from_json(text).map_err(|error| words::rule_load_error(&error));
    let preview = |rules: DuesRules| {
        view! { <p><strong>{rules.name.clone()}</strong></p>{words::rule_provenance(&rules).into_iter().map(|line| view! { <p class="hint">{line}</p> }).collect_view()} }.into_any()
    };
    let save = move |rules: DuesRules| {
        let name = rules.name.clone();
        store.save_dues_rules(Some(rules)).then_some(name)
    };
    view! {
        <details class="card">
            <summary>{t::RULE}{": "}{move || rules.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</summary>
            <p class="hint">{move || if own() { t::RULE_OF_COMMITTEE } else { t::RULE_BUILTIN }}</p>
            {move || rules.with(|r| r.as_ref().map(|r| words::rule_provenance(r).into_iter().map(|line| view! { <p class="hint">{line}</p> }).collect_view()))}
            {move || rules.with(|r| r.as_ref().map(|r| r.categories.iter().map(|c| view! { <p>{words::category_line(c)}</p> }).collect_view()))}
            <RuleFileLoader texts=texts max_bytes=MAX_RULE_BYTES read=read preview=preview save=save/>
            {move || own().then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| { store.save_dues_rules(None); }>{t::REMOVE_RULE}</button>
            })}
        </details>
    }
}

/// The dues line of a meeting's opening ("báo cáo thu nộp đảng phí"), from the book of the
/// meeting's month: "Tháng 11/2026: Đã thu 36/40 đồng chí, 1.240.000 đ." `None` when the chi
/// bộ keeps no book in the app (no payment recorded). Tracked.
pub fn meeting_report(store: Store, date: chrono::NaiveDate) -> Option<String> {
    if !keeps_book(store) {
        return None;
    }
    let month = YearMonth::of(date);
    let rules = rules_in_use(store)?;
    let book = book_of(store, month, &rules);
    Some(format!("{}: {}.", t::month_title(month.year(), month.month()), words::report_line(&book.report_line())))
}

/// The dues line in the meeting form, with the way to the month's book (the secretary ticks
/// who paid during the meeting).
#[component]
pub fn MeetingDuesLine(#[prop(into)] date: Signal<chrono::NaiveDate>) -> impl IntoView {
    let store = use_store();
    let line = Memo::new(move |_| meeting_report(store, date.get()));
    view! {
        <section class="card dues-line">
            <h2>{t::IN_MEETING}</h2>
            <p>{move || line.get().unwrap_or_else(|| t::NO_BOOK_YET.to_owned())}</p>
            <a class="button secondary" href=move || { let month = YearMonth::of(date.get()); href_of(month) }>{t::OPEN_BOOK}</a>
        </section>
    }
}

/// The year of the dues book as the year summary and the review read it (the months ended
/// by `today`, from the book's first month), or `None` when no book is kept. Tracked.
pub fn year_dues_of(store: Store, year: i32, today: chrono::NaiveDate) -> Option<sotay_domain::dues::summary::YearDues> {
    let rules = rules_in_use(store)?;
    store.members.with(|roster| {
        store.dues_profiles.with(|profiles| {
            store.dues_payments.with(|payments| {
                let book = sotay_domain::dues::summary::DuesBook { profiles, payments, rules: &rules };
                sotay_domain::dues::summary::year_dues(year, Some(today), roster, &book)
            })
        })
    })
}
