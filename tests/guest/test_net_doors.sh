# SPDX-License-Identifier: GPL-2.0
# Network side doors (issue 18): source routes and routing headers through
# a denied hop, SCTP's address lists, and wildcard destinations that the
# kernel routes to loopback.  Each attack works outside the cgroup and is
# denied (EPERM) inside it, with the event naming the hop or address; each
# allowed path still works.

NET=$TESTS/net

until_ok() {
	local i=0
	until "$@" > /dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 10 ] || { "$@"; return 1; }
		sleep 0.5
	done
}

check "enforcement is on" enforce_on

# ---- the network: a peer namespace behind veth0/veth1 -------------------------
[ -e /ctrpolicy/modules/veth.ko ] && insmod /ctrpolicy/modules/veth.ko 2>/dev/null
unshare -n sleep 1000000 > /dev/null 2>&1 &
peer=$!
until_ok sh -c "[ \"\$(readlink /proc/$peer/ns/net)\" != \"\$(readlink /proc/self/ns/net)\" ]"
doors_net() {
	$TESTS/veth veth0 veth1 $peer &&
	echo 0 > /proc/sys/net/ipv6/conf/veth0/accept_dad &&
	ip addr add 10.99.0.1/24 dev veth0 && ip addr add fd99::1/64 dev veth0 &&
	ip addr add 10.98.0.1/24 dev veth0 && ip addr add fd98::1/64 dev veth0 &&
	ip link set veth0 up &&
	ip route add 10.99.0.0/16 dev veth0 && ip route add fd99::/16 dev veth0 &&
	nsenter -t $peer -n sh -c 'echo 0 > /proc/sys/net/ipv6/conf/veth1/accept_dad &&
		ip link set lo up &&
		ip addr add 10.99.0.2/24 dev veth1 && ip addr add fd99::2/64 dev veth1 &&
		ip addr add 10.98.0.2/24 dev veth1 && ip addr add fd98::2/64 dev veth1 &&
		ip link set veth1 up'
}
check "a veth pair to a peer: 10.99.0.0/24, 10.98.0.0/24, fd99::/64, fd98::/64" doors_net
check "the peer answers ping (IPv6)" until_ok ping6 -c 1 -W 1 fd98::2
rm -f /tmp/doors.ready
$NET serve /tmp/doors.ready 7000 > /dev/null 2>&1 &
server=$!
check "an echo server on port 7000" until_ok test -e /tmp/doors.ready

sctp=
for m in crc32c_generic libcrc32c udp_tunnel ip6_udp_tunnel sctp; do
	[ -e /ctrpolicy/modules/$m.ko ] && insmod /ctrpolicy/modules/$m.ko 2>/dev/null
done
grep -q '^sctp ' /proc/modules 2>/dev/null && sctp=1
# Type 2 routing headers (control messages, IPV6_2292PKTOPTIONS) need
# CONFIG_IPV6_MIP6 (Debian's kernel has it; the debug lane's has not): the
# kernel refuses them with EINVAL without it.
mip6=1
$NET route udp cmsg fd98::2 ::1 7000 2>&1 | grep -q EINVAL && mip6=

# ---- policies -------------------------------------------------------------------
# One cgroup per door; each policy allows by default.
doors_policy() {
	printf 'policy %s\ncapabilities {\n\tallow all\n}\nnetwork {\n\tdefault allow\n' "$1"
	shift
	printf '\t%s\n' "$@"
	printf '}\n'
}
doors_policy doors-route "deny send 10.99.0.0/16" "deny connect 10.99.0.0/17" \
	"deny connect,send fd99::/16" > /tmp/doors-route.policy
doors_policy doors-sctp "deny bind,connect,send 10.99.0.0/16" \
	"deny bind,connect,send fd99::/16" > /tmp/doors-sctp.policy
doors_policy doors-any "deny connect,send 127.0.0.0/8" "deny connect,send ::1" \
	> /tmp/doors-any.policy
doors_policy doors-open "deny bind 10.99.0.0/16" > /tmp/doors-open.policy
loaded=1
for p in route sctp any open; do
	mkdir -p $CG/t-doors-$p
	check "load doors-$p" ctrpolicy load /tmp/doors-$p.policy --cgroup $CG/t-doors-$p ||
		loaded=
done

# CGROUP VERDICT NET_ARGUMENTS | WHY
cat > /tmp/doors.cases <<'CASES'
open  allow route udp opt 10.98.0.2 127.0.0.1 7000 | IP_OPTIONS LSRR where the policy lets the socket send anywhere
route deny  route udp opt 10.98.0.2 127.0.0.1 7000 | IP_OPTIONS even through an allowed hop: the hook cannot read it, and a route stored races another thread's send
route deny  route udp opt 10.99.0.2 10.98.0.2 7000 | IP_OPTIONS LSRR through a denied hop, sendto an allowed address
route deny  route udp opt 10.98.0.2,10.99.0.5 10.98.0.2 7000 | LSRR whose second hop is denied
route deny  --nonblock route tcp opt 10.99.0.2 10.98.0.2 7000 | IP_OPTIONS, then a TCP connect (unconfined: EINPROGRESS)
route allow route udp cmsg 10.98.0.2 127.0.0.1 7000 | an IP_RETOPTS control message through an allowed hop
route deny  route udp cmsg 10.99.0.2 10.98.0.2 7000 | an IP_RETOPTS control message through a denied hop
route deny  route udp mmsg 10.99.0.2 10.98.0.2 7000 | sendmmsg: a second message to the same address, which no hook sees, with IP_RETOPTS through a denied hop
route deny  route udp mmsg 10.98.0.2 10.98.0.2 7000 | sendmmsg of two messages with an address, even through an allowed hop
open  allow route udp mmsg 10.99.0.2 10.98.0.2 7000 | sendmmsg of two messages where the policy lets the socket send anywhere
route allow sendmmsg udp 10.98.0.2 7000 | sendmmsg of one message to an allowed address
route deny  raw-hdrincl 10.99.0.2 10.98.0.2 | IPPROTO_RAW: a header of its own to a denied address, sent to an allowed one
route deny  raw-hdrincl 10.98.0.2 10.98.0.2 | IPPROTO_RAW, even with the header's address allowed: no hook reads it
open  allow raw-hdrincl 10.99.0.2 10.98.0.2 | IPPROTO_RAW where the policy lets the socket send and connect anywhere
route deny  packet-send veth0 10.99.0.2 | a packet socket sends an IP packet of its own to a denied address
open  allow packet-send veth0 10.99.0.2 | a packet socket where the policy lets it send and connect anywhere
route deny  route udp send 10.99.200.2 10.98.0.2 7000 | a hop connect allows and send denies: send() without address
route deny  route udp late 10.99.0.2 10.98.0.2 7000 | IP_OPTIONS set after connect: the hook cannot read it
route deny  --nonblock route tcp late 10.99.0.2 10.98.0.3 7000 | IP_OPTIONS set on a connecting TCP socket (10.98.0.3 never answers)
open  allow route udp opt fd98::2 ::1 7000 | IPV6_RTHDR segment routing where the policy lets the socket send anywhere
route deny  route udp opt fd98::2 ::1 7000 | IPV6_RTHDR even through an allowed hop
route deny  route udp opt fd99::2 fd98::2 7000 | IPV6_RTHDR segment routing (type 4) through a denied hop
route deny  route udp opt fd98::2,fd99::5 fd98::2 7000 | segment routing, the second segment denied
route deny  --nonblock route tcp opt fd99::2 fd98::2 7000 | IPV6_RTHDR, then a TCP connect (unconfined: EINPROGRESS)
route allow route udp cmsg fd98::2 ::1 7000 | an IPV6_RTHDR control message (type 2) through an allowed hop
route deny  route udp cmsg fd99::2 fd98::2 7000 | an IPV6_RTHDR control message (type 2) through a denied hop
route deny  route udp pktopt fd99::2 fd98::2 7000 | IPV6_2292PKTOPTIONS holding a routing header
route deny  route udp opt ::ffff:10.99.0.2 ::ffff:10.98.0.2 7000 | IP_OPTIONS on an AF_INET6 socket, to an IPv4-mapped address
any   allow --echo connect tcp 10.98.0.1 7000 | a local address that is not loopback
any   deny  --echo connect tcp 0.0.0.0 7000 | connect to 0.0.0.0 reaches 127.0.0.1
any   deny  --echo sendto udp 0.0.0.0 7000 | sendto 0.0.0.0 reaches 127.0.0.1
any   deny  --echo connect tcp :: 7000 | connect to :: reaches ::1
any   deny  --echo sendto udp :: 7000 | sendto :: reaches ::1
any   deny  --echo connect tcp ::ffff:0.0.0.0 7000 | IPv4-mapped 0.0.0.0 reaches 127.0.0.1
any   deny  --echo uring-connect 0.0.0.0 7000 | io_uring connect to 0.0.0.0
sctp  allow sctp-echo 127.0.0.1 7100 | an SCTP association to an allowed address carries data
sctp  allow sctp-echo ::1 7101 | an SCTP association over IPv6
sctp  allow sctp-connectx 127.0.0.1 7102 | sctp_connectx() to an allowed address
sctp  deny  sctp-connectx 127.0.0.1 7103 10.99.0.2 7103 | sctp_connectx() whose second address is denied
sctp  deny  sctp-connectx ::1 7104 fd99::2 7104 | sctp_connectx(), IPv6
sctp  deny  sctp-bindx 127.0.0.1 7105 10.99.0.1 7105 | sctp_bindx() of a denied local address
sctp  deny  sctp-bindx ::1 7106 fd99::1 7106 | sctp_bindx(), IPv6
sctp  allow sctp-sendmsg 127.0.0.1 7107 127.0.0.2 | sendmsg() that sets up an association, an allowed SCTP_DSTADDRV4
sctp  deny  sctp-sendmsg 127.0.0.1 7108 10.99.0.2 | sendmsg() with a denied SCTP_DSTADDRV4
sctp  deny  sctp-sendmsg ::1 7109 fd99::2 | sendmsg() with a denied SCTP_DSTADDRV6
sctp  deny  sctp-sendmsg 10.99.0.2 7110 | sendmsg() that sets up an association to a denied address
CASES

each_door() {
	local cg verdict line args why
	while read -r cg verdict line; do
		args=${line%%|*}
		why=${line#*|}
		if [ "$cg" = sctp ] && [ -z "$sctp" ]; then
			skip "$why" "no sctp module in this kernel"
			continue
		fi
		case "$line" in
		"route udp cmsg fd"* | "route udp pktopt"*)
			if [ -z "$mip6" ]; then
				skip "$why" "this kernel has no type 2 routing headers (CONFIG_IPV6_MIP6)"
				continue
			fi ;;
		esac
		# shellcheck disable=SC2086 # the arguments are words
		$1 "$cg" "$verdict" "${args#--echo }(${why# })" $args < /dev/null
	done < /tmp/doors.cases
}

unconfined_door() {
	local desc=$3 args
	shift 3
	args="$*"
	# A connect through a hop that drops it: sent, not yet answered.
	case "$args" in
	"--nonblock route tcp late"*) ;;
	"--nonblock route tcp"*) set -- --expect EINPROGRESS "$@" ;;
	esac
	check "unconfined: $desc" $NET "$@"
}
each_door unconfined_door

confined_door() {
	local cg=$1 verdict=$2 desc=$3
	shift 3
	if [ "$verdict" = allow ]; then
		check "allowed: $desc" in_cgroup $CG/t-doors-$cg $NET "$@"
	else
		check "denied (EPERM): $desc" in_cgroup $CG/t-doors-$cg $NET --expect EPERM "$@"
	fi
}

# event_has FILE STRING...: the event in FILE has each STRING.
event_has() {
	local f=$1 s
	shift
	sed 's/^/#   /' "$f"
	for s in "$@"; do
		grep -qF -- "$s" "$f" || return 1
	done
}

if [ -n "$loaded" ]; then
	each_door confined_door
	# A route set before the task was confined is checked where it is used.
	check "unconfined: a send by a stored route through 10.99.0.2 succeeds" \
		$NET route udp stored 10.99.0.2 10.98.0.2 7000
	mkdir -p $CG/t-doors-stored
	rm -f /tmp/stored.*
	in_cgroup $CG/t-doors-stored $NET --hold /tmp/stored.ready /tmp/stored.go \
		--expect EPERM route udp stored 10.99.0.2 10.98.0.2 7000 \
		> /tmp/stored.out 2>&1 &
	stored=$!
	check "a source route set and a socket connected in a cgroup without policy" \
		eventually test -e /tmp/stored.ready
	check "  then a policy is loaded on the cgroup" \
		ctrpolicy load /tmp/doors-route.policy --cgroup $CG/t-doors-stored
	touch /tmp/stored.go
	if wait $stored; then
		pass "  and a send by the stored route through a denied hop is denied (EPERM)"
	else
		fail "  and a send by the stored route through a denied hop is denied (EPERM)"
	fi
	sed 's/^/#   /' /tmp/stored.out
	await_event /tmp/doors-ev1.txt \
		in_cgroup $CG/t-doors-route $NET route udp cmsg 10.99.0.2 10.98.0.2 7000
	check "monitor: a denied hop is reported as send-via with the hop's address" \
		event_has /tmp/doors-ev1.txt '"operation":"send-via"' '"address":"10.99.0.2"'
	# segment routing (type 4) by setsockopt: every kernel with IPv6 has it
	await_event /tmp/doors-ev2.txt \
		in_cgroup $CG/t-doors-route $NET route udp opt fd99::2 fd98::2 7000
	check "monitor: a routing header set by setsockopt is reported as set-route" \
		event_has /tmp/doors-ev2.txt '"operation":"set-route"'
	await_event /tmp/doors-ev3.txt \
		in_cgroup $CG/t-doors-any $NET connect tcp 0.0.0.0 7000
	check "monitor: connect to 0.0.0.0 is reported as 127.0.0.1" \
		event_has /tmp/doors-ev3.txt '"operation":"connect"' '"address":"127.0.0.1"'
	if [ -n "$sctp" ]; then
		await_event /tmp/doors-ev4.txt \
			in_cgroup $CG/t-doors-sctp $NET sctp-connectx 127.0.0.1 7111 10.99.0.2 7111
		check "monitor: an SCTP list's denied address, with its port" \
			event_has /tmp/doors-ev4.txt '"operation":"connect"' '"address":"10.99.0.2"' \
			'"port":7111'
	else
		skip "monitor: an SCTP list's denied address" "no sctp module in this kernel"
	fi
else
	skip "the confined side-door tests" "a policy did not load"
fi

kill $server $peer
wait $server $peer 2>/dev/null
check "enforcement off, test cgroups removed" enforce_off
