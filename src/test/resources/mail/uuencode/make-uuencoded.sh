#!/usr/bin/env bash
# Makes the uuencoded mails of UuEncodedTests from the sample forms, with GNU sharutils' uuencode
# (apt-get install sharutils), the way older clients and office scripts send files in a plain-text body:
#   src/test/resources/mail/uuencode/make-uuencoded.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docs="$here/../../../../../sample-submissions/docs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the names in the begin lines are written in the body's charset, GBK here, as a Chinese client writes them
name1=$(printf '附件1-项目实施方案.doc' | iconv -f UTF-8 -t GBK)
name2=$(printf '附件2-企业基本情况调查表.doc' | iconv -f UTF-8 -t GBK)
{
  printf 'From: =?GB2312?B?%s?= <wanglei@nb-uutest.cn>\r\n' "$(printf '王磊' | iconv -f UTF-8 -t GB2312 | base64)"
  printf 'To: forms@formbox.test\r\n'
  printf 'Subject: =?GB2312?B?%s?=\r\n' "$(printf '申报材料（附件1、附件2）' | iconv -f UTF-8 -t GB2312 | base64 -w0)"
  printf 'Date: Mon, 30 Nov 2026 09:12:00 +0800\r\n'
  printf 'Message-ID: <uu-classic.20261130@nb-uutest.cn>\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/plain; charset="gb2312"\r\n'
  printf 'Content-Transfer-Encoding: 8bit\r\n'
  printf 'X-Mailer: Microsoft Outlook Express 6.00.2900.5931\r\n\r\n'
  printf '%s\r\n\r\n' "$(printf '您好，附件1、附件2见下，请查收。' | iconv -f UTF-8 -t GB2312)"
  uuencode "$docs/e02-annex1.doc" "$name1" | sed 's/$/\r/'
  printf '\r\n'
  uuencode "$docs/e02-annex2.doc" "$name2" | sed 's/$/\r/'
  printf '\r\n%s\r\n' "$(printf '王磊 13805741234' | iconv -f UTF-8 -t GB2312)"
} > "$here/outlook-express-uuencode.eml"

# uuencode -m: the base64 form, one file, UTF-8 names, from a script
{
  printf 'From: zhaomin@nb-uutest.cn\r\n'
  printf 'To: forms@formbox.test\r\n'
  printf 'Subject: =?UTF-8?B?%s?=\r\n' "$(printf '附件2 调查表' | base64 -w0)"
  printf 'Date: Mon, 30 Nov 2026 10:00:00 +0800\r\n'
  printf 'Message-ID: <uu-base64.20261130@nb-uutest.cn>\r\n'
  printf 'MIME-Version: 1.0\r\n'
  printf 'Content-Type: text/plain; charset=UTF-8\r\n'
  printf 'Content-Transfer-Encoding: 8bit\r\n\r\n'
  printf '附件2见下。\r\n'
  uuencode -m "$docs/e01-annex2.docx" '附件2.docx' | sed 's/$/\r/'
} > "$here/base64-uuencode.eml"
ls -la "$here"
