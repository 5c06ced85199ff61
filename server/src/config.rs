//! Command line and environment: every setting can be a flag or a variable,
//! with defaults that run Madang on an `SQLite` file under `./data/`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use shared::Role;

/// `madang` — the social customer centre.
#[derive(Debug, Parser)]
#[command(
    name = "madang",
    version,
    about = "Madang: ideas, complaints and answers in public."
)]
pub struct Cli {
    /// Database URL: <sqlite://PATH> or <postgres://USER:PASSWORD@HOST/DB>.
    /// Default: an `SQLite` file in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// Folder for the `SQLite` database and the generated secret key.
    #[arg(long, env = "MADANG_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// How `SQLite` syncs commits to the disk: `normal` (default; a power cut
    /// can lose the last commits, a crash cannot) or `full` (every commit is
    /// synced before it is acknowledged; slower writes).
    #[arg(long, env = "MADANG_SQLITE_SYNCHRONOUS", value_enum, default_value_t = SqliteSynchronous::Normal, global = true)]
    pub sqlite_synchronous: SqliteSynchronous,

    /// How log lines on standard error look: `text` for people, `json` (one
    /// object per line) for log collectors.
    #[arg(long, env = "MADANG_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    /// What to do; `serve` when absent.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--log-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line: time, level, message, fields, and the
    /// request's id, method, route and member.
    Json,
}

/// `--sqlite-synchronous`: see `domain::db::Synchronous`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SqliteSynchronous {
    /// Sync at checkpoints.
    Normal,
    /// Sync every commit.
    Full,
}

impl From<SqliteSynchronous> for domain::db::Synchronous {
    fn from(value: SqliteSynchronous) -> Self {
        match value {
            SqliteSynchronous::Normal => domain::db::Synchronous::Normal,
            SqliteSynchronous::Full => domain::db::Synchronous::Full,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrates first; `--demo` loads demo data into an empty database).
    Serve(Box<ServeArgs>),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy the `SQLite` database and the secret key into one new file while
    /// Madang keeps running (`PostgreSQL`: use `pg_dump`; see README).
    Backup {
        /// The backup file to write (must not exist).
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup made by `madang backup` in place, in an empty data folder.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
}

/// Settings of the web server.
#[derive(Clone, Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "MADANG_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,

    /// Public URL of the site as users reach it (links in mail, feeds, cookies).
    /// Default: <http://BIND>.
    #[arg(long, env = "MADANG_BASE_URL")]
    pub base_url: Option<String>,

    /// Secret for signing; generated and stored in the data folder when absent.
    /// Give the same value to every instance that shares a database.
    #[arg(long, env = "MADANG_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Folder with the compiled client (pkg/) and public assets.
    #[arg(long, env = "MADANG_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// SMTP server for outgoing mail, e.g. <smtp://relay:25>,
    /// <smtp://user:pass@host:587?tls=required> or <smtps://user:pass@host>.
    /// Without it mail stays in the outbox that admins read at /admin/outbox.
    #[arg(long, env = "MADANG_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of outgoing mail.
    #[arg(
        long,
        env = "MADANG_MAIL_FROM",
        default_value = "Madang <no-reply@madang.invalid>"
    )]
    pub mail_from: String,

    /// Load the demo company (with accounts whose password is public) into
    /// an empty database. Off by default, so a real site never starts with
    /// known sign-ins; `make run` and the tests turn it on.
    #[arg(long, env = "MADANG_DEMO")]
    pub demo: bool,

    /// "Me too" marks on one department's tickets that raise an incident
    /// banner in the staff queue…
    #[arg(long, env = "MADANG_INCIDENT_THRESHOLD", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    pub incident_threshold: u32,

    /// …when they come within this many minutes.
    #[arg(long, env = "MADANG_INCIDENT_WINDOW_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=10_080))]
    pub incident_window_minutes: u32,

    /// Seconds a new connection may take to send its first bytes.
    #[arg(long, env = "MADANG_HEADER_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub header_timeout_secs: u64,

    /// Seconds a connection may stay with nothing read or written (event
    /// streams write a keep-alive every 15 s).
    #[arg(long, env = "MADANG_IDLE_TIMEOUT_SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(20..=3_600))]
    pub idle_timeout_secs: u64,

    /// Connections open at once; by default what the open-file limit
    /// allows after keeping 256 descriptors for the database and workers.
    #[arg(long, env = "MADANG_MAX_CONNECTIONS", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: Option<u64>,

    /// Let webhooks reach loopback, private and link-local addresses (a
    /// receiver inside the company network; tests). Off by default, so an
    /// admin cannot probe the server's own network through webhooks.
    #[arg(long, env = "MADANG_ALLOW_PRIVATE_WEBHOOKS")]
    pub allow_private_webhooks: bool,

    /// Reverse proxies (addresses or networks, e.g. 127.0.0.1 or
    /// 10.0.0.0/8) whose `X-Forwarded-For` names the real client; from
    /// anybody else the header is ignored.
    #[arg(long = "trusted-proxy", env = "MADANG_TRUSTED_PROXIES", value_delimiter = ',', value_parser = crate::client_address::parse_trusted_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// The company's time zone (IANA name): dashboard days, promise dates and
    /// the times in server-rendered pages; browsers then show their own.
    #[arg(long, env = "MADANG_TIME_ZONE", default_value = "Asia/Seoul", value_parser = parse_time_zone)]
    pub time_zone: chrono_tz::Tz,

    /// Sites allowed to show Madang's pages in a frame (an embedded board),
    /// e.g. `https://www.example.com`; none by default.
    #[arg(long = "frame-ancestor", env = "MADANG_FRAME_ANCESTORS", value_delimiter = ',', value_parser = parse_frame_ancestor)]
    pub frame_ancestors: Vec<String>,

    /// The company's own text of the consent to the collection and use of
    /// personal information that sign-up asks for (plain text, one
    /// paragraph per line); a built-in text in the reader's language when
    /// absent. Give it a new `--consent-version` whenever it changes.
    #[arg(long, env = "MADANG_CONSENT_FILE", requires = "consent_version")]
    pub consent_file: Option<PathBuf>,

    /// The version of the consent text, stored with each member's consent.
    #[arg(long, env = "MADANG_CONSENT_VERSION")]
    pub consent_version: Option<String>,

    /// The company's name in Korean, shown in every page's header.
    #[arg(long, env = "MADANG_COMPANY_NAME", default_value = "한빛텔레콤")]
    pub company_name: String,

    /// The company's name in English.
    #[arg(long, env = "MADANG_COMPANY_NAME_EN", default_value = "Hanbit Telecom")]
    pub company_name_en: String,

    /// Keep the ideas and comments of members who have not confirmed their
    /// e-mail address from everyone else until they confirm it (they see
    /// their posts, marked as waiting). Off by default.
    #[arg(long, env = "MADANG_HOLD_UNCONFIRMED_POSTS")]
    pub hold_unconfirmed_posts: bool,

    /// Reach (votes, followers, comments and "me too" marks others gave a
    /// customer's posts) from which staff see "opinion leader?" beside a
    /// customer; 0 turns the suggestion off.
    #[arg(long, env = "MADANG_OPINION_LEADER_THRESHOLD", default_value_t = 30)]
    pub opinion_leader_threshold: u32,

    /// Answers the review queue samples per staff member per week (1–50).
    #[arg(long, env = "MADANG_REVIEWS_PER_WEEK", default_value_t = 3,
        value_parser = clap::value_parser!(u32).range(1..=50))]
    pub reviews_per_week: u32,

    /// Show each department's average answer-review score on the public
    /// scorecard.
    #[arg(long, env = "MADANG_SCORECARD_QUALITY")]
    pub scorecard_quality: bool,

    /// Serve `/metrics` on the main address to requests that carry this
    /// bearer token (at least 16 characters).
    #[arg(long, env = "MADANG_METRICS_TOKEN", hide_env_values = true, value_parser = parse_metrics_token)]
    pub metrics_token: Option<String>,

    /// Serve `/metrics`, without a token, on this address of its own (one
    /// only the monitoring network reaches, e.g. 10.0.0.5:9100).
    #[arg(long, env = "MADANG_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,

    /// How long the event log keeps events for reconnecting browsers.
    #[arg(long, env = "MADANG_EVENT_RETENTION_HOURS", default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=720))]
    pub event_retention_hours: u32,
}

impl Default for ServeArgs {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 3000)),
            base_url: None,
            secret_key: None,
            site_root: PathBuf::from("target/site"),
            smtp_url: None,
            mail_from: "Madang <no-reply@madang.invalid>".to_owned(),
            demo: false,
            incident_threshold: 5,
            time_zone: domain::ctx::DEFAULT_TIME_ZONE,
            incident_window_minutes: 30,
            event_retention_hours: 24,
            opinion_leader_threshold: 30,
            reviews_per_week: 3,
            scorecard_quality: false,
            metrics_token: None,
            metrics_bind: None,
            frame_ancestors: Vec::new(),
            trusted_proxies: Vec::new(),
            allow_private_webhooks: false,
            header_timeout_secs: 10,
            idle_timeout_secs: 60,
            max_connections: None,
            consent_file: None,
            consent_version: None,
            company_name: "한빛텔레콤".to_owned(),
            company_name_en: "Hanbit Telecom".to_owned(),
            hold_unconfirmed_posts: false,
        }
    }
}

/// `madang user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Create(CreateUserArgs),
}

/// `madang user create`
#[derive(Debug, Args)]
pub struct CreateUserArgs {
    /// Sign-in e-mail.
    #[arg(long)]
    pub email: String,
    /// Full name (staff sign their answers with it).
    #[arg(long)]
    pub name: String,
    /// customer, employee, moderator or admin.
    #[arg(long)]
    pub role: Role,
    /// Department slug (staff).
    #[arg(long)]
    pub department: Option<String>,
    /// Job title (staff).
    #[arg(long)]
    pub title: Option<String>,
    /// Read the password from standard input (required: never on the command line).
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

impl Cli {
    /// The database URL in force: the flag/variable, else `SQLite` in the data folder.
    #[must_use]
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| {
                format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join("madang.db").display()
                )
            })
    }
}

/// A token long enough that guessing it is hopeless.
fn parse_metrics_token(value: &str) -> Result<String, String> {
    let token = value.trim();
    if token.chars().count() < 16 {
        return Err("the metrics token must be at least 16 characters".to_owned());
    }
    Ok(token.to_owned())
}

/// An IANA zone name such as `Asia/Seoul` or `UTC`.
fn parse_time_zone(value: &str) -> Result<chrono_tz::Tz, String> {
    value
        .trim()
        .parse::<chrono_tz::Tz>()
        .map_err(|_| format!("`{value}` is not a time zone name such as Asia/Seoul or UTC"))
}

/// A site that may frame Madang: `http(s)://host[:port]`, nothing that could
/// end the policy directive it goes into.
fn parse_frame_ancestor(value: &str) -> Result<String, String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'));
    if host_ok {
        Ok(value.to_owned())
    } else {
        Err("must be an origin such as https://www.example.com".to_owned())
    }
}
