#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
# Used by the README's test command and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# Jekyll and the plugins the Jekyll fixture sites use, for the differential tests against the real Jekyll
command -v jekyll >/dev/null 2>&1 || need_apt+=(jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag
  ruby-jekyll-paginate ruby-jekyll-paginate-v2 ruby-jekyll-redirect-from ruby-jekyll-sitemap ruby-jekyll-archives
  ruby-jekyll-polyglot ruby-jekyll-optional-front-matter ruby-jekyll-readme-index ruby-jekyll-titles-from-headings
  ruby-jekyll-relative-links ruby-jekyll-gist ruby-jekyll-default-layout ruby-jekyll-include-cache
  ruby-jekyll-github-metadata ruby-jekyll-toc ruby-jekyll-mentions ruby-jekyll-avatar)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python -m pip install -q --disable-pip-version-check -e '.[test,dev]'
npm install --no-audit --no-fund --silent

python -m pytest "$@"
