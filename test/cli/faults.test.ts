/**
 * The command as a process, under the faults a shell meets: standard input,
 * a reader that goes away, devices, FIFOs and symlinks as --out, a full
 * disk, signals and kill -9. Runs bin/jixiao.js, i.e. the built dist/.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(root, "bin/jixiao.js");
const SEED = join(root, "fixtures/seed/seed.txt");

function jixiao(args: string[], options: { input?: string | Buffer; shell?: string } = {}) {
  const r = options.shell !== undefined
    ? spawnSync("bash", ["-c", options.shell], { encoding: "utf8" })
    : spawnSync("node", [BIN, ...args], { input: options.input, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

const temp = () => mkdtempSync(join(tmpdir(), "jixiao-faults-"));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(".jixiao-tmp-"));

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("standard input and output", () => {
  it("- reads standard input, and /dev/stdin does too", () => {
    const seed = readFileSync(SEED);
    const a = jixiao(["parse", "-", "--format", "jsonl"], { input: seed });
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.out);
    expect(doc.forms).toHaveLength(7);
    expect(doc.source.path).toBe("<stdin>");
    const b = jixiao([], { shell: `node ${BIN} parse /dev/stdin --format jsonl < ${SEED}` });
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).forms).toHaveLength(7);
    const c = jixiao([], { shell: `cat ${SEED} | node ${BIN} parse /dev/stdin --format summary` });
    expect(c.code).toBe(0);
    expect(c.out).toContain("7 form(s)");
  });

  it("--out - writes to standard output", () => {
    const r = jixiao(["parse", SEED, "--format", "jsonl", "--out", "-"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).forms).toHaveLength(7);
  });

  it("a reader that goes away (| head -c 100) ends the run quietly, exit 0", () => {
    const r = jixiao([], { shell: `node ${BIN} parse ${SEED} ${SEED.replace("seed.txt", "")} --pretty | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2` });
    expect(r.err).toMatch(/^exit=0\n$/);
    const v = jixiao([], { shell: `node ${BIN} verify ${SEED} --lang en | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2` });
    // verify's own exit code (1: the seed has findings) is not spoilt into a crash; a closed pipe is not a finding either way.
    expect(v.err).toMatch(/^exit=[01]\n$/);
    expect(v.err).not.toMatch(/EPIPE|\n\s+at /);
  });

  it("a full standard output (> /dev/full) is an output error, exit 2", () => {
    const r = jixiao([], { shell: `node ${BIN} parse ${SEED} > /dev/full` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/standard output: cannot write the output: no space left on the device \(ENOSPC\)/);
  });
});

describe("--out targets", () => {
  it("/dev/full: exit 2 naming the target, and the device stays a device", () => {
    const r = jixiao(["parse", SEED, "--out", "/dev/full"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("jixiao: /dev/full: cannot write the output: no space left on the device (ENOSPC)");
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("/dev/null is written through, not replaced", () => {
    expect(jixiao(["parse", SEED, "--out", "/dev/null"]).code).toBe(0);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a symlink: the file it points to is written, the link stays", () => {
    const dir = temp();
    writeFileSync(join(dir, "real.jsonl"), "old\n");
    symlinkSync("real.jsonl", join(dir, "link.jsonl"));
    expect(jixiao(["parse", SEED, "--format", "jsonl", "--out", join(dir, "link.jsonl")]).code).toBe(0);
    expect(lstatSync(join(dir, "link.jsonl")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "real.jsonl"), "utf8")).forms).toHaveLength(7);
    expect(temps(dir)).toEqual([]);
  });

  it("a FIFO is written through and stays a FIFO", () => {
    const dir = temp();
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    const r = jixiao([], { shell: `cat ${fifo} > ${join(dir, "got")} & node ${BIN} parse ${SEED} --format jsonl --out ${fifo}; wait` });
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "got"), "utf8")).forms).toHaveLength(7);
  });

  it("a folder is refused, exit 2", () => {
    const dir = temp();
    const r = jixiao(["parse", SEED, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}: cannot write the output: it is a folder`);
  });
});

describe("interrupted runs", () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} removes the temporary file, says so, and exits ${code}`, async () => {
      const dir = temp();
      const out = join(dir, "out.json");
      // Reading a standard input that never ends keeps the run going with its temp file open.
      const child = spawn("node", [BIN, "parse", "-", "--out", out], { stdio: ["pipe", "pipe", "pipe"] });
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += String(c)));
      await until(() => temps(dir).length === 1);
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
      expect(err).toContain(`interrupted by ${signal}; removed the unfinished output for ${out}`);
    });
  }

  it("after kill -9, the next run removes the temporary file of the dead process", async () => {
    const dir = temp();
    const out = join(dir, "out.json");
    const child = spawn("node", [BIN, "parse", "-", "--out", out], { stdio: ["pipe", "ignore", "ignore"] });
    await until(() => temps(dir).length === 1);
    const [left] = temps(dir);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(temps(dir)).toEqual([left]);
    // A temp file of a live process (this one) is left alone.
    const live = `.jixiao-tmp-${process.pid}-1-other.json`;
    writeFileSync(join(dir, live), "");
    const r = jixiao(["parse", SEED, "--format", "jsonl", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`removed ${join(dir, left!)}, left by an earlier run that was killed`);
    expect(readdirSync(dir).sort()).toEqual([live, "out.json"].sort());
    expect(existsSync(join(dir, left!))).toBe(false);
  });
});
