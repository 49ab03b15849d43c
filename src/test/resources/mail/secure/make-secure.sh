#!/usr/bin/env bash
# Signed and encrypted mails as mail clients with a certificate send them, made by OpenSSL's S/MIME and
# GnuPG's PGP/MIME from the sample annexes (sample-submissions/docs/e01-*.docx). The key and the
# certificate are made afresh and thrown away: nothing here is verified, only opened.
#   src/test/resources/mail/secure/make-secure.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docs="$here/../../../../../sample-submissions/docs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 \
  -subj "/CN=Li Hua/emailAddress=lihua@smime-test.cn" 2>/dev/null

b64() { base64 -w 76 "$1" | sed 's/$/\r/'; }
word() { printf '=?UTF-8?B?%s?=' "$(printf '%s' "$1" | base64 -w0)"; }
crlf() { tr -d '\r' | sed 's/$/\r/'; }
docx=application/vnd.openxmlformats-officedocument.wordprocessingml.document

# the message as the client composes it, before signing: a line of text and both annexes
{
  printf 'Content-Type: multipart/mixed; boundary="pair"\r\n\r\n--pair\r\n'
  printf 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n'
  printf '您好，附件为我单位的附件1和附件2，邮件已数字签名。' | base64 -w 76 | sed 's/$/\r/'
  for n in 1 2; do
    printf -- '--pair\r\nContent-Type: %s; name="%s"\r\n' "$docx" "$(word "附件$n.docx")"
    printf 'Content-Disposition: attachment; filename="%s"\r\nContent-Transfer-Encoding: base64\r\n\r\n' "$(word "附件$n.docx")"
    b64 "$docs/e01-annex$n.docx"
  done
  printf -- '--pair--\r\n'
} > entity.mime

head() { # sender, message id
  printf 'From: =?UTF-8?B?%s?= <%s>\r\nTo: forms@formbox.test\r\nSubject: %s\r\n' "$(printf '李华' | base64 -w0)" "$1" "$(word '报送附件1、附件2')"
  printf 'Date: Thu, 3 Dec 2026 20:00:00 +0800\r\nMessage-ID: <%s@smime-test.cn>\r\n' "$2"
}

# Outlook and Foxmail sign "clear": the message as it is, plus smime.p7s (multipart/signed)
{ head lihua@smime-test.cn clear; openssl smime -sign -in entity.mime -signer cert.pem -inkey key.pem -binary | crlf; } > clear-signed.eml
# the same by the CMS tool, which names the signature application/pkcs7-signature
{ head lihua@smime-test.cn clear-cms; openssl cms -sign -in entity.mime -signer cert.pem -inkey key.pem -binary | crlf; } > clear-signed-cms.eml
# "opaque" signing: the whole message inside smime.p7m, streamed in BER's indefinite lengths as Outlook writes it
{ head lihua@smime-test.cn opaque; openssl smime -sign -nodetach -stream -in entity.mime -signer cert.pem -inkey key.pem -binary | crlf; } > opaque-signed.eml
# encrypted to a certificate the collection mailbox has no key for
{ head lihua@smime-test.cn encrypted; openssl smime -encrypt -aes256 -in entity.mime cert.pem | crlf; } > encrypted.eml

# a signed file (CAdES, as e-signature tools make it) attached to a plain mail: 附件2.docx.p7m holds 附件2.docx
openssl cms -sign -nodetach -binary -outform DER -in "$docs/e01-annex2.docx" -signer cert.pem -inkey key.pem -out signed.p7m
{
  head lihua@smime-test.cn signed-file
  printf 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="f"\r\n\r\n--f\r\n'
  printf 'Content-Type: text/plain; charset=utf-8\r\n\r\n'
  printf 'Attached: the survey, signed.\r\n--f\r\nContent-Type: application/pkcs7-mime; name="%s"\r\n' "$(word '附件2.docx.p7m')"
  printf 'Content-Disposition: attachment; filename="%s"\r\nContent-Transfer-Encoding: base64\r\n\r\n' "$(word '附件2.docx.p7m')"
  b64 signed.p7m
  printf -- '--f--\r\n'
} > signed-file.eml

# PGP/MIME (Thunderbird with OpenPGP): signed, and encrypted
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'Li Hua <lihua@smime-test.cn>' rsa2048 sign,encr never 2>/dev/null
gpg --batch --quiet --armor --detach-sign --output entity.asc entity.mime
{
  head lihua@smime-test.cn pgp-signed
  printf 'MIME-Version: 1.0\r\nContent-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="pgps"\r\n\r\n'
  printf -- '--pgps\r\n'; cat entity.mime
  printf -- '\r\n--pgps\r\nContent-Type: application/pgp-signature; name="OpenPGP_signature.asc"\r\n'
  printf 'Content-Disposition: attachment; filename="OpenPGP_signature.asc"\r\n\r\n'
  crlf < entity.asc
  printf -- '--pgps--\r\n'
} > pgp-signed.eml
gpg --batch --quiet --armor --trust-model always --recipient lihua@smime-test.cn --encrypt --output entity.gpg entity.mime
{
  head lihua@smime-test.cn pgp-encrypted
  printf 'MIME-Version: 1.0\r\nContent-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="pgpe"\r\n\r\n'
  printf -- '--pgpe\r\nContent-Type: application/pgp-encrypted\r\nContent-Description: PGP/MIME version identification\r\n\r\nVersion: 1\r\n\r\n'
  printf -- '--pgpe\r\nContent-Type: application/octet-stream; name="encrypted.asc"\r\nContent-Disposition: inline; filename="encrypted.asc"\r\n\r\n'
  crlf < entity.gpg
  printf -- '--pgpe--\r\n'
} > pgp-encrypted.eml

cp clear-signed.eml clear-signed-cms.eml opaque-signed.eml encrypted.eml signed-file.eml pgp-signed.eml pgp-encrypted.eml "$here/"
ls -l "$here"/*.eml
