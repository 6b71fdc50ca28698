//! Measuring helper for bench/dbus.py (not part of the manager): times D-Bus round trips from
//! inside one client process, so process start-up is not in the figures.
//!
//! ```text
//! dbus_bench roundtrip SOCKET UNIT N     N × (GetUnit + Get ActiveState) on a private socket;
//!                                        prints each pair's µs, one per line
//! dbus_bench raw SOCKET UNIT N           the same pairs with a minimal client: messages
//!                                        marshalled by zbus, written and read on a plain
//!                                        blocking socket (no executor, no reader task), so
//!                                        almost all of each figure is the server's; works
//!                                        against systemd's private socket too (zbus#1497)
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

/// EXTERNAL authentication on a fresh private-socket connection, by hand.
fn raw_connect(socket: &str) -> Result<std::os::unix::net::UnixStream> {
    use std::io::{Read, Write};
    let mut s = std::os::unix::net::UnixStream::connect(socket)?;
    let uid = rustix::process::getuid().as_raw().to_string();
    let hex: String = uid.bytes().map(|b| format!("{b:02x}")).collect();
    s.write_all(format!("\0AUTH EXTERNAL {hex}\r\n").as_bytes())?;
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while !line.ends_with(b"\r\n") {
        s.read_exact(&mut b)?;
        line.push(b[0]);
    }
    if !line.starts_with(b"OK ") {
        return Err(format!("authentication refused: {}", String::from_utf8_lossy(&line)).into());
    }
    s.write_all(b"BEGIN\r\n")?;
    // systemd 252 leaves a message that arrives together with BEGIN unread until more data
    // comes: ping until a ping is answered, then take the answers to all of them.
    let ping = || {
        zbus::message::Message::method_call("/org/freedesktop/systemd1", "Ping")?
            .destination(DEST)?
            .interface("org.freedesktop.DBus.Peer")?
            .build(&())
    };
    let mut buf = Vec::new();
    let mut sent = 0;
    s.set_read_timeout(Some(std::time::Duration::from_millis(100)))?;
    let mut answered = 0;
    while answered < sent || sent == 0 {
        if answered == 0 {
            if sent == 50 {
                return Err("the manager does not answer".into());
            }
            s.write_all(ping()?.data())?;
            sent += 1;
        }
        match raw_read(&mut s, &mut buf) {
            Ok(_) => answered += 1,
            Err(e) if is_timeout(&*e) && answered == 0 => {}
            Err(e) => return Err(e),
        }
    }
    s.set_read_timeout(None)?;
    Ok(s)
}

fn is_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<std::io::Error>().is_some_and(|e| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    })
}

/// Read the next method return (signals the manager sends meanwhile are skipped): the
/// body's offset in `buf`, which holds the whole message.
fn raw_read(s: &mut std::os::unix::net::UnixStream, buf: &mut Vec<u8>) -> Result<usize> {
    loop {
        let (kind, at) = raw_message(s, buf)?;
        match kind {
            2 => return Ok(at),
            4 => continue,
            k => return Err(format!("reply of type {k} (not a method return)").into()),
        }
    }
}

/// Read one whole message: its type and the body's offset.
fn raw_message(s: &mut std::os::unix::net::UnixStream, buf: &mut Vec<u8>) -> Result<(u8, usize)> {
    use std::io::Read;
    let mut fixed = [0u8; 16];
    s.read_exact(&mut fixed)?;
    if fixed[0] != b'l' {
        return Err("big-endian reply".into());
    }
    let u32_at =
        |i: usize| u32::from_le_bytes([fixed[i], fixed[i + 1], fixed[i + 2], fixed[i + 3]]);
    let body_len = u32_at(4) as usize;
    let fields_len = u32_at(12) as usize;
    let body_at = (16 + fields_len).div_ceil(8) * 8;
    buf.clear();
    buf.extend_from_slice(&fixed);
    buf.resize(body_at + body_len, 0);
    s.read_exact(&mut buf[16..])?;
    Ok((fixed[1], body_at))
}

fn raw(socket: &str, unit: &str, n: usize) -> Result<()> {
    use std::io::Write;
    use zbus::message::Message;
    let mut s = raw_connect(socket)?;
    let mut buf = Vec::with_capacity(4096);
    let mut out = String::new();
    for _ in 0..n {
        let t = Instant::now();
        let call = Message::method_call("/org/freedesktop/systemd1", "GetUnit")?
            .destination(DEST)?
            .interface("org.freedesktop.systemd1.Manager")?
            .build(&unit)?;
        s.write_all(call.data())?;
        let at = raw_read(&mut s, &mut buf)?;
        // The body is one object path: its length, its bytes, a NUL.
        let len = u32::from_le_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]) as usize;
        let path = std::str::from_utf8(&buf[at + 4..at + 4 + len])?.to_string();
        let call = Message::method_call(path.as_str(), "Get")?
            .destination(DEST)?
            .interface("org.freedesktop.DBus.Properties")?
            .build(&("org.freedesktop.systemd1.Unit", "ActiveState"))?;
        s.write_all(call.data())?;
        raw_read(&mut s, &mut buf)?;
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
            Some("raw") if args.len() == 5 => raw(&args[2], &args[3], args[4].parse()?),
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
