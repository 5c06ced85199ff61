//! The demo's social CRM: the tag list a Korean telecom would start with,
//! and Minseo Oh (`customer@hanbit.example`) as a VIP with a staff note.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};

use crate::Result;
use crate::entity::{customer_note, customer_tag, customer_tag_link};

/// Tags admins keep for customers.
const TAGS: [&str; 5] = ["VIP", "오피니언 리더", "파트너", "언론", "반복 민원"];

/// Who the demo tags and notes, and who does it.
pub(super) struct Crm {
    pub vip: i32,
    pub agent: i32,
}

pub(super) async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>, crm: &Crm) -> Result<()> {
    let mut vip_tag = None;
    for name in TAGS {
        let tag = customer_tag::ActiveModel {
            name: Set(name.to_owned()),
            created_at: Set(now - Duration::days(90)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if name == "VIP" {
            vip_tag = Some(tag.id);
        }
    }
    if let Some(tag_id) = vip_tag {
        customer_tag_link::ActiveModel {
            user_id: Set(crm.vip),
            tag_id: Set(tag_id),
            tagged_by_id: Set(Some(crm.agent)),
            tagged_at: Set(now - Duration::days(30)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    customer_note::ActiveModel {
        customer_id: Set(crm.vip),
        author_id: Set(crm.agent),
        body: Set("Business line customer since 2015; prefers a call back after 6 pm.".to_owned()),
        created_at: Set(now - Duration::days(30)),
        edited_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
