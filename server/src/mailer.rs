//! Delivers the mail outbox over SMTP: a background worker claims unsent
//! mails, sends them, and records each outcome, so a slow or broken mail
//! server never slows the request that queued the mail.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::task::JoinHandle;

/// Why the SMTP settings are unusable.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    /// The SMTP URL could not be read.
    #[error("invalid SMTP URL: {0}")]
    Url(String),
    /// The sender address could not be read.
    #[error(
        "invalid sender address `{0}`: use `Name <address@example.com>` or `address@example.com`"
    )]
    From(String),
}

/// An SMTP connection setup and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// Reads the SMTP URL and sender.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|_| MailerError::From(from.to_owned()))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, mail: &domain::mail::Claimed) -> Result<(), String> {
        let to = mail
            .to
            .parse::<Mailbox>()
            .map_err(|e| format!("bad recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN);
        if let Some(url) = &mail.unsubscribe_url {
            // RFC 8058: mail programs offer a button that POSTs to the URL.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = builder
            .body(mail.body.clone())
            .map_err(|e| format!("cannot build message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Runs the delivery loop until the task is aborted.
    #[must_use]
    pub fn spawn(self, ctx: domain::Ctx) -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                match domain::mail::claim_unsent(&ctx, 20).await {
                    Ok(batch) => {
                        for mail in batch {
                            let outcome = self.send(&mail).await;
                            if let Err(error) = &outcome {
                                tracing::warn!(mail = mail.id, %error, "mail delivery failed");
                            }
                            if let Err(e) =
                                domain::mail::record_delivery(&ctx, mail.id, outcome).await
                            {
                                tracing::error!(error = %e, "recording mail delivery");
                            }
                        }
                    }
                    Err(e) => tracing::error!(error = %e, "reading the mail outbox"),
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    }
}
