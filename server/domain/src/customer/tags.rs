//! Customer tags: a list admins keep (VIP, opinion leader, partner,
//! press…), and the tags staff put on a customer, with who and when.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::customer::{CustomerTag, CustomerTagInput, CustomerTagMark, TagsInput};

use super::record::{customer, rfc3339};
use crate::actor::Actor;
use crate::entity::{customer_tag, customer_tag_link};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// Longest tag name.
pub const MAX_NAME_CHARS: usize = 40;

/// The admins' list, alphabetical, with how many customers carry each.
pub async fn list_tags(ctx: &Ctx, actor: &Actor) -> Result<Vec<CustomerTag>> {
    policy::authorize(actor, Action::ReadCustomers, Scope::Others)?;
    let counts: HashMap<i32, i64> = customer_tag_link::Entity::find()
        .select_only()
        .column(customer_tag_link::Column::TagId)
        .column_as(customer_tag_link::Column::Id.count(), "n")
        .group_by(customer_tag_link::Column::TagId)
        .into_tuple::<(i32, i64)>()
        .all(&ctx.db)
        .await?
        .into_iter()
        .collect();
    Ok(customer_tag::Entity::find()
        .order_by_asc(customer_tag::Column::Name)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|t| CustomerTag {
            id: i64::from(t.id),
            customers: counts.get(&t.id).copied().unwrap_or(0),
            name: t.name,
        })
        .collect())
}

/// Adds a tag to the list (admins). Names are unique regardless of case.
pub async fn create_tag(ctx: &Ctx, actor: &Actor, input: CustomerTagInput) -> Result<CustomerTag> {
    policy::authorize(actor, Action::ManageCustomerTags, Scope::Others)?;
    let name = input.name.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "name",
            crate::msg!("customer.tag_length", max_chars = MAX_NAME_CHARS),
        ));
    }
    let taken = customer_tag::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .any(|t| t.name.to_lowercase() == name.to_lowercase());
    if taken {
        return Err(Error::Conflict(crate::msg!(
            "customer.tag_exists",
            name = name
        )));
    }
    let saved = customer_tag::ActiveModel {
        name: Set(name.to_owned()),
        created_at: Set(ctx.clock.now()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    // Two admins adding the same name at once: the unique index decides.
    .map_err(|_| Error::Conflict(crate::msg!("customer.tag_exists", name = name)))?;
    Ok(CustomerTag {
        id: i64::from(saved.id),
        name: saved.name,
        customers: 0,
    })
}

/// Removes a tag from the list and from every customer (admins).
pub async fn delete_tag(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    policy::authorize(actor, Action::ManageCustomerTags, Scope::Others)?;
    let missing = || Error::NotFound(crate::msg!("customer.no_tag"));
    let id = i32::try_from(id).map_err(|_| missing())?;
    let tag = customer_tag::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(missing)?;
    let txn = ctx.begin_write().await?;
    customer_tag_link::Entity::delete_many()
        .filter(customer_tag_link::Column::TagId.eq(tag.id))
        .exec(&txn)
        .await?;
    customer_tag::Entity::delete_by_id(tag.id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// The tags on one customer, alphabetical.
pub(super) async fn marks(ctx: &Ctx, user_id: i32) -> Result<Vec<CustomerTagMark>> {
    let links = customer_tag_link::Entity::find()
        .filter(customer_tag_link::Column::UserId.eq(user_id))
        .all(&ctx.db)
        .await?;
    let names = names_of(ctx, links.iter().map(|l| l.tag_id).collect()).await?;
    let people = crate::user::refs(ctx, links.iter().filter_map(|l| l.tagged_by_id)).await?;
    let mut marks: Vec<CustomerTagMark> = links
        .into_iter()
        .filter_map(|l| {
            Some(CustomerTagMark {
                name: names.get(&l.tag_id)?.clone(),
                tagged_by: l.tagged_by_id.and_then(|id| people.get(&id).cloned()),
                tagged_at: rfc3339(l.tagged_at),
            })
        })
        .collect();
    marks.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(marks)
}

async fn names_of(ctx: &Ctx, ids: Vec<i32>) -> Result<HashMap<i32, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(customer_tag::Entity::find()
        .filter(customer_tag::Column::Id.is_in(ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}

/// Tag names of each of these customers, alphabetical.
pub(super) async fn names_by_customer(
    ctx: &Ctx,
    user_ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>> {
    let links: Vec<(i32, i32)> = customer_tag_link::Entity::find()
        .select_only()
        .column(customer_tag_link::Column::UserId)
        .column(customer_tag_link::Column::TagId)
        .filter(customer_tag_link::Column::UserId.is_in(user_ids.to_vec()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let names = names_of(ctx, links.iter().map(|l| l.1).collect()).await?;
    let mut by_customer: HashMap<i32, Vec<String>> = HashMap::new();
    for (user_id, tag_id) in links {
        if let Some(name) = names.get(&tag_id) {
            by_customer.entry(user_id).or_default().push(name.clone());
        }
    }
    for list in by_customer.values_mut() {
        list.sort();
    }
    Ok(by_customer)
}

/// The id of the tag with this name (any case), if it is on the list.
pub(super) async fn id_named(ctx: &Ctx, name: &str) -> Result<Option<i32>> {
    let wanted = name.trim().to_lowercase();
    Ok(customer_tag::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .find(|t| t.name.to_lowercase() == wanted)
        .map(|t| t.id))
}

/// The customers carrying the tag named `name` (any case); an unknown name
/// is refused, so a typo never looks like "nobody".
pub(crate) async fn tagged_with(ctx: &Ctx, name: &str) -> Result<Vec<i32>> {
    let Some(tag_id) = id_named(ctx, name).await? else {
        return Err(Error::invalid(
            "tag",
            crate::msg!("customer.unknown_tag", name = name.trim()),
        ));
    };
    Ok(customer_tag_link::Entity::find()
        .select_only()
        .column(customer_tag_link::Column::UserId)
        .filter(customer_tag_link::Column::TagId.eq(tag_id))
        .into_tuple()
        .all(&ctx.db)
        .await?)
}

/// Sets a customer's tags to exactly these (staff): new ones are signed
/// by the staff member, kept ones keep who tagged them and when.
pub async fn set_tags(
    ctx: &Ctx,
    actor: &Actor,
    customer_id: i64,
    input: TagsInput,
) -> Result<Vec<CustomerTagMark>> {
    let staff = policy::member_for(actor, Action::NoteCustomers, Scope::Others)?;
    let row = customer(ctx, customer_id).await?;
    let list = customer_tag::Entity::find().all(&ctx.db).await?;
    let mut wanted = BTreeSet::new();
    for name in &input.tags {
        let tag = list
            .iter()
            .find(|t| t.name.to_lowercase() == name.trim().to_lowercase())
            .ok_or_else(|| {
                Error::invalid(
                    "tags",
                    crate::msg!("customer.unknown_tag", name = name.trim()),
                )
            })?;
        wanted.insert(tag.id);
    }
    let txn = ctx.begin_write().await?;
    let present: BTreeSet<i32> = customer_tag_link::Entity::find()
        .filter(customer_tag_link::Column::UserId.eq(row.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|l| l.tag_id)
        .collect();
    let gone: Vec<i32> = present.difference(&wanted).copied().collect();
    if !gone.is_empty() {
        customer_tag_link::Entity::delete_many()
            .filter(customer_tag_link::Column::UserId.eq(row.id))
            .filter(customer_tag_link::Column::TagId.is_in(gone))
            .exec(&txn)
            .await?;
    }
    let now = ctx.clock.now();
    for tag_id in wanted.difference(&present) {
        customer_tag_link::Entity::insert(customer_tag_link::ActiveModel {
            user_id: Set(row.id),
            tag_id: Set(*tag_id),
            tagged_by_id: Set(Some(staff.id)),
            tagged_at: Set(now),
            ..Default::default()
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    marks(ctx, row.id).await
}
