# pg-url.sh — sourced by backup.sh and restore-check.sh (POSIX sh): a DATABASE_URL made into libpq's
# environment, so the password is never on a command line, and a filter that masks it in every message.
#
#   pg_url_load URL   sets PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (+ PGSSLMODE… from the query) and
#                     PG_URL_SHOWN (the URL with the password as ***); returns 1 with PG_URL_ERROR set when
#                     URL is not postgres://[USER[:PASSWORD]@]HOST[:PORT]/NAME[?key=value&…]
#   pg_mask           copies stdin to stdout with the password (decoded and as written in the URL) as ***
#
# Percent-encoded parts (p%40ss) are decoded; a password with raw @ / ? : is accepted too.

# shellcheck shell=sh disable=SC2034 # the variables set here are read by the scripts that source this file

pg_urldecode() {
  _s=$1
  _out=
  while [ -n "$_s" ]; do
    case $_s in
      [%][0-9A-Fa-f][0-9A-Fa-f]*)
        _hex=${_s#?}
        _hex=${_hex%"${_hex#??}"}
        # shellcheck disable=SC2059 # the format is the octal escape of the byte
        _out=$_out$(printf "\\$(printf '%03o' "0x$_hex")")
        _s=${_s#???}
        ;;
      *)
        _out=$_out${_s%"${_s#?}"}
        _s=${_s#?}
        ;;
    esac
  done
  printf '%s' "$_out"
}

pg_url_load() {
  PG_URL_ERROR=
  _url=$1
  case $_url in
    postgres://* | postgresql://*) ;;
    *)
      PG_URL_ERROR="not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/NAME)"
      return 1
      ;;
  esac
  _scheme=${_url%%://*}
  _rest=${_url#*://}
  _userinfo=
  case $_rest in
    *@*)
      _userinfo=${_rest%@*}
      _rest=${_rest##*@}
      ;;
  esac
  _query=
  case $_rest in
    *\?*)
      _query=${_rest#*\?}
      _rest=${_rest%%\?*}
      ;;
  esac
  _db=
  case $_rest in
    */*)
      _db=${_rest#*/}
      _rest=${_rest%%/*}
      ;;
  esac
  _hostport=$_rest
  case $_hostport in
    \[*\]*)
      _host=${_hostport%%]*}
      _host=${_host#?}
      _port=${_hostport##*]}
      _port=${_port#:}
      ;;
    *:*)
      _host=${_hostport%%:*}
      _port=${_hostport##*:}
      ;;
    *)
      _host=$_hostport
      _port=
      ;;
  esac
  _user=$_userinfo
  PG_URL_RAW_PASSWORD=
  case $_userinfo in
    *:*)
      _user=${_userinfo%%:*}
      PG_URL_RAW_PASSWORD=${_userinfo#*:}
      ;;
  esac
  if [ -z "$_db" ]; then
    PG_URL_ERROR="the URL names no database (postgres://…/NAME)"
    return 1
  fi
  case $_port in *[!0-9]*)
    PG_URL_ERROR="the URL's port is not a number"
    return 1
    ;;
  esac

  unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSERVICE PGPASSFILE
  [ -n "$_host" ] && PGHOST=$(pg_urldecode "$_host") && export PGHOST
  [ -n "$_port" ] && PGPORT=$_port && export PGPORT
  [ -n "$_user" ] && PGUSER=$(pg_urldecode "$_user") && export PGUSER
  if [ -n "$PG_URL_RAW_PASSWORD" ]; then
    PGPASSWORD=$(pg_urldecode "$PG_URL_RAW_PASSWORD")
    export PGPASSWORD
  fi
  PGDATABASE=$(pg_urldecode "$_db")
  export PGDATABASE

  # query parameters libpq knows, as its environment variables
  _shown_query=
  _q=$_query
  while [ -n "$_q" ]; do
    _kv=${_q%%&*}
    case $_q in *\&*) _q=${_q#*&} ;; *) _q= ;; esac
    [ -n "$_kv" ] || continue
    _k=${_kv%%=*}
    _v=$(pg_urldecode "${_kv#*=}")
    case $_k in
      password)
        PG_URL_RAW_PASSWORD=${_kv#*=}
        PGPASSWORD=$_v
        export PGPASSWORD
        _kv="password=***"
        ;;
      sslmode) PGSSLMODE=$_v && export PGSSLMODE ;;
      sslrootcert) PGSSLROOTCERT=$_v && export PGSSLROOTCERT ;;
      sslcert) PGSSLCERT=$_v && export PGSSLCERT ;;
      sslkey) PGSSLKEY=$_v && export PGSSLKEY ;;
      connect_timeout) PGCONNECT_TIMEOUT=$_v && export PGCONNECT_TIMEOUT ;;
      application_name) PGAPPNAME=$_v && export PGAPPNAME ;;
      target_session_attrs) PGTARGETSESSIONATTRS=$_v && export PGTARGETSESSIONATTRS ;;
      channel_binding) PGCHANNELBINDING=$_v && export PGCHANNELBINDING ;;
      host) PGHOST=$_v && export PGHOST ;;
      port) PGPORT=$_v && export PGPORT ;;
      user) PGUSER=$_v && export PGUSER ;;
      *)
        PG_URL_ERROR="unsupported URL parameter '$_k' (supported: sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name, target_session_attrs, channel_binding, host, port, user, password)"
        return 1
        ;;
    esac
    _shown_query=$_shown_query${_shown_query:+&}$_kv
  done

  _shown_user=$_user
  [ -n "$PG_URL_RAW_PASSWORD" ] && [ -n "$_userinfo" ] && [ "$_userinfo" != "$_user" ] && _shown_user="$_user:***"
  PG_URL_SHOWN="$_scheme://${_shown_user:+$_shown_user@}$_hostport/$_db${_shown_query:+?$_shown_query}"
  return 0
}

# stdin → stdout with the password (decoded and raw) replaced by ***; awk reads it from the environment,
# never from its arguments
pg_mask() {
  PG_MASK_1=${PGPASSWORD:-} PG_MASK_2=${PG_URL_RAW_PASSWORD:-} awk '
    function mask(line, secret,   i, out) {
      if (secret == "") return line
      out = ""
      while ((i = index(line, secret)) > 0) {
        out = out substr(line, 1, i - 1) "***"
        line = substr(line, i + length(secret))
      }
      return out line
    }
    { print mask(mask($0, ENVIRON["PG_MASK_1"]), ENVIRON["PG_MASK_2"]) }'
}
