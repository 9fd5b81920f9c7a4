"""The README of a transfer package, in Chinese and in English, with the one shell script
both show: the checks of ``keeper verify-package`` made with ``sha256sum``, ``openssl`` and a
POSIX shell. The tests run exactly the fenced block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SCRIPT = r"""set -eu
fail() { echo "FAILED: $*"; exit 1; }
echo "1/6 files: SHA256SUMS"
sha256sum --quiet --strict -c SHA256SUMS || fail "a file differs from SHA256SUMS"
echo "2/6 recordings: MANIFEST.sha256"
(cd recordings && grep -v '^#' ../MANIFEST.sha256 | sha256sum --quiet --strict -c -) \
  || fail "a recording differs from MANIFEST.sha256"
m=$(sha256sum < MANIFEST.sha256 | cut -c1-64)
grep -q "\"sha256\":\"$m\"" entries/manifests-*.json \
  || fail "MANIFEST.sha256 is not the registered manifest"
echo "3/6 signatures: openssl (Ed25519)"
while read -r msg sig key signed; do
  openssl pkeyutl -verify -pubin -inkey "keys/$key" -rawin -in "signatures/$msg" \
    -sigfile "signatures/$sig" > /dev/null || fail "signatures/$sig does not verify"
  grep -qx "$(sha256sum < "$signed" | cut -c1-64)" "signatures/$msg" \
    || fail "signatures/$msg does not name $signed"
done < signatures/SIGNATURES.txt
echo "4/6 chain: each link hashes to its event, and starts with the hash before it"
sha256sum --quiet --strict -c chain/CHAIN.sha256 || fail "a link differs from chain/CHAIN.sha256"
prev=""
while read -r hash file; do
  [ -z "$prev" ] || [ "$(head -c 64 "$file")" = "$prev" ] \
    || fail "$file does not follow the event before it"
  prev=$hash
done < chain/CHAIN.sha256
for f in chain/*.fields.json; do
  [ -e "$f" ] || continue
  [ "$(sha256sum < "$f" | cut -c1-64)" = "$(tail -c 64 "${f%.fields.json}.link")" ] \
    || fail "$f is not the event its link names"
done
echo "5/6 register rows: each anchored by an event of this disc"
for f in entries/*.json; do
  grep -q "$(sha256sum < "$f" | cut -c1-64)" chain/*.link chain/*.fields.json 2> /dev/null \
    || fail "$f is anchored by no event"
done
echo "6/6 checkpoint"
if [ -f checkpoint/CHECKPOINT.sha256 ]; then
  sha256sum --quiet --strict -c checkpoint/CHECKPOINT.sha256 \
    || fail "the chain does not pass through the signed checkpoint"
  grep -q "\"hash\":\"$(cut -c1-64 checkpoint/CHECKPOINT.sha256)\"" checkpoint/checkpoints-*.json \
    || fail "checkpoint/CHECKPOINT.sha256 is not the signed checkpoint's"
  [ "$(grep -c ' checkpoint/' signatures/SIGNATURES.txt)" -ge 2 ] \
    || fail "the checkpoint is not signed by two people"
fi
echo "keys (compare with the fingerprints on the signed enrolment forms):"
for k in keys/*.pem; do
  fp=$(openssl pkey -pubin -in "$k" -outform DER | tail -c 32 | sha256sum | cut -c1-64)
  echo "  $k $(echo "$fp" | tr a-f A-F)"
done
echo "OK: head $(tail -n 1 chain/CHAIN.sha256)"
"""


def _facts(p: Mapping[str, Any], zh: bool) -> dict[str, Any]:
    cp = p.get("checkpoint") or {}
    if cp:
        where = (
            "第 {seq} 号事件，哈希 {hash}（{at} 签署）；链经过该检查点：{yes}"
            if zh
            else "event {seq}, hash {hash} (signed {at}); the chain passes it: {yes}"
        )
        yes = ("是" if zh else "yes") if cp.get("in_chain") else ("否" if zh else "no")
        cp_text = where.format(seq=cp["seq"], hash=cp["hash"], at=cp["at_shown"], yes=yes)
    else:
        cp_text = "无" if zh else "none"
    unlinked = ", ".join(str(s) for s in p["unlinked_events"])
    return {
        "code": p["code"],
        "case": f"{p['disc'].get('case_no', '')} {p['disc'].get('case_name', '')}".strip(),
        "at": p["written_at_shown"],
        "by": f"{p['written_by']['name']} ({p['written_by']['badge']})",
        "seq": p["head"]["seq"],
        "hash": p["head"]["hash"],
        "from": p["linked_from"],
        "events": len(p["disc_events"]),
        "unlinked": unlinked or ("本包没有" if zh else "none in this package"),
        "cp": cp_text,
        "files": p["recordings"]["files"],
        "bytes": p["recordings"]["bytes"],
    }


ZH = """Keeper 移交包 — 光盘 {code}
========================================

案件：{case}
写入时间：{at}    写入人：{by}
写入时审计链头：第 {seq} 号事件，哈希 {hash}
最近的每日检查点（保管员与部门负责人签名）：{cp}
录像文件：{files} 个，共 {bytes} 字节

本移交包与移交给法院或检察院的复制件光盘（第十九条）一同交付。无需 Keeper 即可核对：

一、它能证明什么
1. recordings/ 中的每个文件与光盘清单 MANIFEST.sha256 一致，清单即登记簿为该光盘登记的清单。
2. 光盘的保管经历（history.json，来自 entries/ 中的登记行）由各签名人以其密钥签名；
   签名人的公钥在 keys/，其指纹须与签名人亲笔签署的密钥登记表上的指纹一致。
3. 本光盘的每个审计事件都在审计链上，通过 chain/ 中的链接与写入时的链头相连
   （从第 {from} 号事件起逐个相连）；若有检查点，链头可与检查点核对。
4. 任何文件被改动一个字节、签名被改动、事件被删除，下列检查都会失败并指出是哪一项。

二、它不能证明什么
1. 其他案件的事件只以其字段摘要（SHA-256，含随机数）出现（第二十一条）：可以证明链上有这些事件
   且未被改动，但不能说明它们的内容，也不能说明它们与本光盘是否相关。
2. 在新的可隐去格式之前写入的本光盘事件（{unlinked}）附有签名，但无法在不显示其他案件事件的情况下
   与链头相连。
3. 链头本身须与见证核对：检查点签名、Keeper 记录的本包顶层哈希（SHA256SUMS 的 SHA-256），
   或向保管单位核实。移交包只证明包内内容自写入以来未被改动且彼此一致。
4. 密钥是否属于签名人，须与纸质密钥登记表上的指纹核对。

三、用 Keeper 核对
    keeper verify-package 本文件夹

四、只用 sha256sum、openssl（3.0 及以上）和 shell 核对
在本文件夹中运行下面的命令（sh 或 bash）；任何一步失败即停止并显示 FAILED 与失败项：

```sh
{script}```
"""

EN = """Keeper transfer package — disc {code}
========================================

Case: {case}
Written: {at}    by: {by}
Head of the audit chain when written: event {seq}, hash {hash}
Latest daily checkpoint (signed by a keeper and a department head): {cp}
Recordings: {files} files, {bytes} bytes

This package goes with the duplicate disc transferred to a court or procuratorate (Art. 19).
It can be checked without Keeper.

1. What it proves
1. Every file in recordings/ is the one listed in MANIFEST.sha256, the manifest the register
   holds for this disc.
2. The disc's custody history (history.json, from the register rows in entries/) was signed by
   each signer with their key; the public keys are in keys/, and their fingerprints must match
   the ones on the enrolment forms the signers signed by hand.
3. Each audit event of this disc is on the audit chain, linked by the files in chain/ to the
   head when the package was written (linked from event {from} on); with a checkpoint, that
   head can be held against it.
4. One changed byte in any file, a changed signature or a dropped event makes the checks
   below fail, naming what failed.

2. What it does not prove
1. Other cases' events appear only as the digest (SHA-256, with a random nonce) of their fields
   (Art. 21): the package shows that they are on the chain and unchanged, not what they are,
   nor whether they concern this disc.
2. Events of this disc written before the redactable scheme ({unlinked}) carry their signatures
   but cannot be linked to the head without showing other cases' events.
3. The head itself must be held against a witness: the checkpoint's signatures, the package's
   top-level hash (the SHA-256 of SHA256SUMS) that Keeper recorded, or the keeping unit. The
   package proves that its contents are unchanged since written and agree with each other.
4. Whether a key is its signer's is shown by the fingerprint on the paper enrolment form.

3. Checking with Keeper
    keeper verify-package THIS-FOLDER

4. Checking with sha256sum, openssl (3.0 or later) and a shell only
Run these commands in this folder (sh or bash); any failing step stops with FAILED and what:

```sh
{script}```
"""


def readmes(package: Mapping[str, Any]) -> tuple[str, str]:
    """The Chinese and the English README of a package described by ``package``."""
    return (
        ZH.format(script=SCRIPT, **_facts(package, True)),
        EN.format(script=SCRIPT, **_facts(package, False)),
    )
