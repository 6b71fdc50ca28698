// bench/dbus_pingpong.rs — the kernel floor under a D-Bus call on a private socket (issue 11): one
// request/answer over an AF_UNIX stream socket between two processes, timed in the client.
// Build and run (std only): rustc -O -o /tmp/dbus_pingpong bench/dbus_pingpong.rs && /tmp/dbus_pingpong 200 200 20000
// Prints µs per round trip. Results: bench/results-dbus.txt (session 13).
use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a[1] == "serve" {
        let l = UnixListener::bind(&a[2]).unwrap();
        let (req, ans): (usize, usize) = (a[3].parse().unwrap(), a[4].parse().unwrap());
        let (mut s, _) = l.accept().unwrap();
        let mut buf = vec![0u8; req];
        let out = vec![1u8; ans];
        while s.read_exact(&mut buf).is_ok() {
            s.write_all(&out).unwrap();
        }
        return;
    }
    let (req, ans, n): (usize, usize, usize) = (
        a[1].parse().unwrap(),
        a[2].parse().unwrap(),
        a[3].parse().unwrap(),
    );
    let path = format!("/tmp/dbus-pingpong-{}.sock", std::process::id());
    let _ = std::fs::remove_file(&path);
    let mut child = std::process::Command::new(&a[0])
        .args(["serve", &path, &a[1], &a[2]])
        .spawn()
        .unwrap();
    let mut s = loop {
        if let Ok(s) = UnixStream::connect(&path) {
            break s;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    let out = vec![2u8; req];
    let mut buf = vec![0u8; ans];
    for _ in 0..1000 {
        s.write_all(&out).unwrap();
        s.read_exact(&mut buf).unwrap();
    }
    let t = Instant::now();
    for _ in 0..n {
        s.write_all(&out).unwrap();
        s.read_exact(&mut buf).unwrap();
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    println!("{per:.2}");
    drop(s);
    child.wait().unwrap();
    let _ = std::fs::remove_file(&path);
}
