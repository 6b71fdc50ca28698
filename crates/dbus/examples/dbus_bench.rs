//! Measuring helper for bench/dbus.py (not part of the manager): times D-Bus round trips from
//! inside one client process, so process start-up is not in the figures.
//!
//! ```text
//! dbus_bench roundtrip SOCKET UNIT N     N × (GetUnit + Get ActiveState) on a private socket;
//!                                        prints each pair's µs, one per line
//! dbus_bench activate ADDRESS NAME       StartServiceByName(NAME) on a bus: µs until the
//!                                        bus answers (the name is owned)
//! dbus_bench direct ADDRESS NAME CMD…    run CMD (which takes NAME) directly: µs from spawn
//!                                        until NAME is owned (the program's own start-up)
//! dbus_bench own ADDRESS NAME            take NAME on the bus and wait (a trivial service)
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use futures_lite::StreamExt;
use zbus::connection::Builder;
use zbus::zvariant::{OwnedObjectPath, OwnedValue};

const DEST: &str = "org.freedesktop.systemd1";
const DRIVER: &str = "org.freedesktop.DBus";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn roundtrip(socket: &str, unit: &str, n: usize) -> Result<()> {
    let stream = tokio::net::UnixStream::connect(socket).await?;
    let conn = Builder::unix_stream(stream).p2p().build().await?;
    let mut out = String::new();
    for _ in 0..n {
        let t = Instant::now();
        let reply = conn
            .call_method(
                Some(DEST),
                "/org/freedesktop/systemd1",
                Some("org.freedesktop.systemd1.Manager"),
                "GetUnit",
                &unit,
            )
            .await?;
        let path: OwnedObjectPath = reply.body().deserialize()?;
        let reply = conn
            .call_method(
                Some(DEST),
                path.as_str(),
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.systemd1.Unit", "ActiveState"),
            )
            .await?;
        let _state: OwnedValue = reply.body().deserialize()?;
        out.push_str(&format!("{}\n", t.elapsed().as_nanos() as f64 / 1000.0));
    }
    print!("{out}");
    Ok(())
}

async fn activate(address: &str, name: &str) -> Result<()> {
    let conn = Builder::address(address)?.build().await?;
    let t = Instant::now();
    let reply = conn
        .call_method(
            Some(DRIVER),
            "/org/freedesktop/DBus",
            Some(DRIVER),
            "StartServiceByName",
            &(name, 0u32),
        )
        .await?;
    let code: u32 = reply.body().deserialize()?;
    println!("{}", t.elapsed().as_nanos() as f64 / 1000.0);
    if code != 1 {
        eprintln!("StartServiceByName answered {code} (2: already running)");
    }
    Ok(())
}

async fn direct(address: &str, name: &str, cmd: &[String]) -> Result<()> {
    let conn = Builder::address(address)?.build().await?;
    let rule = format!("type='signal',sender='{DRIVER}',member='NameOwnerChanged',arg0='{name}'");
    let mut stream = zbus::MessageStream::from(&conn);
    conn.call_method(
        Some(DRIVER),
        "/org/freedesktop/DBus",
        Some(DRIVER),
        "AddMatch",
        &rule,
    )
    .await?;
    let t = Instant::now();
    let mut child = std::process::Command::new(&cmd[0])
        .args(&cmd[1..])
        .spawn()?;
    while let Some(Ok(msg)) = stream.next().await {
        let h = msg.header();
        if h.member().is_some_and(|m| m.as_str() == "NameOwnerChanged")
            && let Ok((n, _, new)) = msg.body().deserialize::<(String, String, String)>()
            && n == name
            && !new.is_empty()
        {
            println!("{}", t.elapsed().as_nanos() as f64 / 1000.0);
            break;
        }
    }
    child.kill()?;
    let _ = child.wait();
    Ok(())
}

async fn own(address: &str, name: &str) -> Result<()> {
    let conn = Builder::address(address)?.build().await?;
    conn.request_name(name).await?;
    std::future::pending::<()>().await;
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = rt.block_on(async {
        match args.get(1).map(String::as_str) {
            Some("roundtrip") if args.len() == 5 => {
                roundtrip(&args[2], &args[3], args[4].parse()?).await
            }
            Some("activate") if args.len() == 4 => activate(&args[2], &args[3]).await,
            Some("direct") if args.len() > 4 => direct(&args[2], &args[3], &args[4..]).await,
            Some("own") if args.len() == 4 => own(&args[2], &args[3]).await,
            _ => Err("usage: see the file header of crates/dbus/examples/dbus_bench.rs".into()),
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dbus_bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
