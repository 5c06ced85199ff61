//! The `madang` command: parses flags and environment, then serves, migrates
//! or manages users. Bad configuration ends with one clear line and exit 1.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::Parser;
use server::config::{LogFormat, UserCommand};
use server::startup::{StartConfig, open_database, shutdown_signal};
use server::{Cli, Command, ServeArgs, start};

/// mimalloc instead of the C library's allocator: rendering a page
/// allocates and frees many small strings from both cores at once, and
/// glibc's `malloc`/`free` took 40 % of the server-rendered board's CPU time
/// (issue 17, docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    start_logging(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error, as text or JSON lines. Statement logging of
/// the database drivers stays off below warnings: values bound to a
/// statement can be private.
fn start_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=info".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => logs
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let database_url = cli.database_url();
    let synchronous = cli.sqlite_synchronous.into();
    match cli.command {
        None => {
            serve(
                database_url,
                cli.data_dir,
                synchronous,
                ServeArgs::default(),
            )
            .await
        }
        Some(Command::Serve(args)) => serve(database_url, cli.data_dir, synchronous, *args).await,
        Some(Command::Migrate) => {
            let db = open_database(&database_url, &cli.data_dir, synchronous)
                .await
                .map_err(|e| e.to_string())?;
            db.close().await.map_err(|e| e.to_string())?;
            println!(
                "database is up to date: {}",
                domain::db::redact(&database_url)
            );
            Ok(())
        }
        Some(Command::Backup { to }) => {
            let made = server::backup::backup(&database_url, &cli.data_dir, &to)
                .await
                .map_err(|e| e.to_string())?;
            println!("backup written: {} ({} bytes)", to.display(), made.bytes);
            if !made.with_secret_key {
                println!(
                    "the secret key is not in it (none in the data folder): keep MADANG_SECRET_KEY with it"
                );
            }
            Ok(())
        }
        Some(Command::Restore { from }) => {
            server::backup::restore(&database_url, &cli.data_dir, &from)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "restored {} into {}",
                from.display(),
                domain::db::redact(&database_url)
            );
            Ok(())
        }
        Some(Command::User(UserCommand::Create(args))) => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
            let password = password.trim_end_matches(['\r', '\n']).to_owned();
            let db = open_database(&database_url, &cli.data_dir, synchronous)
                .await
                .map_err(|e| e.to_string())?;
            // Commands run outside a site; the base URL only matters to web requests.
            let ctx = domain::Ctx::new(db, domain::Settings::for_site(String::new()));
            let input = domain::user::NewUser {
                email: args.email,
                display_name: args.name,
                role: args.role,
                department: args.department,
                title: args.title,
                initials: None,
                password,
            };
            let id = domain::user::create(&ctx, input)
                .await
                .map_err(|e| shared::ApiError::from(e).detail)?;
            ctx.db.close().await.map_err(|e| e.to_string())?;
            println!("created user {id}");
            Ok(())
        }
    }
}

async fn serve(
    database_url: String,
    data_dir: std::path::PathBuf,
    synchronous: domain::db::Synchronous,
    serve: ServeArgs,
) -> Result<(), String> {
    let stop_signal =
        shutdown_signal().map_err(|e| format!("cannot listen for shutdown signals: {e}"))?;
    let started = start(StartConfig {
        database_url,
        data_dir,
        serve,
        clock: domain::Clock::System,
        synchronous,
    })
    .await
    .map_err(|e| e.to_string())?;
    // Behind a proxy the public address is the proxy's; scripts that start
    // an instance on port 0 need the address it actually listens on (said
    // first: they take the next line as the sign that it is up).
    let listening = format!("http://{}", started.addr);
    if listening != started.base_url {
        println!("Madang is listening on {listening}");
    }
    tracing::info!("Madang is running at {}", started.base_url);
    println!("Madang is running at {}", started.base_url);
    if started.demo_loaded {
        println!(
            "Demo data loaded. Sign in with password `{}` as:",
            domain::demo::DEMO_PASSWORD
        );
        for sign_in in domain::demo::DEMO_SIGN_INS {
            println!("  {:<28} {}", sign_in.email, sign_in.what);
        }
    }
    started.run_until(stop_signal).await;
    Ok(())
}
