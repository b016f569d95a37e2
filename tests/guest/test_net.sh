# SPDX-License-Identifier: GPL-2.0
# Network confinement: socket creation by family and protocol; bind,
# connect, listen and send by address and port, TCP and UDP, IPv4 and IPv6,
# over loopback and over a veth pair to a peer network namespace; the ways
# around the connect hook; audit mode, counters, events; 10,000 address
# rules.  Every operation the policy denies is shown to work outside the
# cgroup, and allowed connections carry data both ways (net --echo).
# The confined shell holds every capability: each EPERM is the network
# policy's.

NET=$TESTS/net
PORTS="7000 7001 7002"

# wait_for FILE...: each FILE exists within five seconds.
wait_for() {
	local f i
	for f in "$@"; do
		i=0
		while [ ! -e "$f" ]; do
			i=$((i + 1))
			[ $i -le 50 ] || return 1
			sleep 0.1
		done
	done
}

# until_ok COMMAND...: COMMAND succeeds within ten tries.
until_ok() {
	local i=0
	until "$@" > /dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 10 ] || { "$@"; return 1; }
		sleep 0.5
	done
}

check "enforcement is on" enforce_on

# ---- the network: loopback, and a peer namespace behind veth0/veth1 ------------

# Ping sockets for root (the default range "1 0" allows nobody).
echo "0 2147483647" > /proc/sys/net/ipv4/ping_group_range
[ -e /ctrpolicy/modules/veth.ko ] && insmod /ctrpolicy/modules/veth.ko 2>/dev/null
unshare -n sleep 1000000 > /dev/null 2>&1 &
peer=$!
# busybox's unshare execs sleep in the new namespace: wait until it has one.
until_ok sh -c "[ \"\$(readlink /proc/$peer/ns/net)\" != \"\$(readlink /proc/self/ns/net)\" ]"

in_peer() { nsenter -t $peer -n "$@"; }
# IPv6 addresses usable at once: no duplicate address detection.
veth_up() {
	$TESTS/veth veth0 veth1 $peer &&
	echo 0 > /proc/sys/net/ipv6/conf/veth0/accept_dad &&
	ip addr add 10.99.0.1/24 dev veth0 && ip addr add fd99::1/64 dev veth0 &&
	ip link set veth0 up &&
	in_peer sh -c 'echo 0 > /proc/sys/net/ipv6/conf/veth1/accept_dad &&
		ip link set lo up &&
		ip addr add 10.99.0.2/24 dev veth1 && ip addr add fd99::2/64 dev veth1 &&
		ip link set veth1 up'
}
check "a veth pair to a peer network namespace, IPv4 and IPv6 addresses" veth_up
check "the peer answers ping over the veth pair (IPv4)" until_ok ping -c 1 -W 1 10.99.0.2
check "the peer answers ping over the veth pair (IPv6)" until_ok ping6 -c 1 -W 1 fd99::2

rm -f /tmp/net-*.ready
$NET serve /tmp/net-host.ready $PORTS > /dev/null 2>&1 &
host_server=$!
nsenter -t $peer -n $NET serve /tmp/net-peer.ready $PORTS > /dev/null 2>&1 &
peer_server=$!
check "echo servers (TCP and UDP, IPv4 and IPv6) on ports $PORTS, here and in the peer" \
	wait_for /tmp/net-host.ready /tmp/net-peer.ready

# ---- the policy, and what it decides ------------------------------------------

# net_policy NAME MODE: the policy of the confined cgroup.
net_policy() {
	cat <<POLICY
policy $1
mode $2
capabilities {
	allow all
}
network {
	default deny
	socket allow unix
	socket allow inet tcp
	socket allow inet udp
	socket allow inet icmp
	socket allow inet6 tcp
	socket allow inet6 udp
	socket allow inet6 icmp
	socket deny raw
	allow connect,send 127.0.0.1 port 7000
	allow connect,send ::1 port 7000
	allow connect,send 10.99.0.0/24 port 7000-7001
	deny connect,send 10.99.0.2 port 7001
	allow connect tcp 10.99.0.2 port 7001
	allow connect,send fd99::/64 port 7000
	allow connect,send ::/0 port 7002
	allow send icmp 127.0.0.1
	allow send icmp ::1
	allow bind 127.0.0.1 port 8000-8999
	allow bind ::1 port 8000-8999
	allow listen tcp 127.0.0.1 port 8080
	allow listen tcp ::1 port 8080
}
POLICY
}

# VERDICT NET_ARGUMENTS | WHY: what the policy above decides; outside the
# cgroup every one of them succeeds.  --echo: the peer echoes data back.
cat > /tmp/net.cases <<'CASES'
allow --echo connect tcp 127.0.0.1 7000 | an allowed address and port
deny  --echo connect tcp 127.0.0.1 7001 | a port no rule allows: the default
deny  --echo connect tcp 127.0.0.1 7002 | an IPv6 rule (::/0) never matches IPv4
allow --echo connect tcp ::1 7000 | IPv6 loopback
deny  --echo connect tcp ::1 7001 | the default
allow --echo connect tcp ::1 7002 | ::/0 holds ::1
allow --echo connect tcp 10.99.0.2 7000 | over the veth pair, by a /24
allow --echo connect tcp 10.99.0.1 7001 | another address of the /24
deny  --echo connect tcp 10.99.0.2 7001 | a /32 deny beats the /24 allow and wins over the /32 allow
allow --echo connect tcp fd99::2 7000 | over the veth pair, by a /64
deny  --echo connect tcp fd99::2 7001 | the default
allow --echo connect tcp fd99::2 7002 | ::/0
allow --echo connect udp 127.0.0.1 7000 | UDP connect
deny  --echo connect udp 127.0.0.1 7001 | UDP connect
allow --echo connect udp ::1 7000 | UDP connect, IPv6
deny  --echo connect udp ::1 7001 | UDP connect, IPv6
allow --echo connect udp 10.99.0.2 7000 | UDP over the veth pair
deny  --echo connect udp 10.99.0.2 7001 | the /32 deny; the /32 allow is for TCP only
allow --echo connect udp fd99::2 7000 | UDP over the veth pair, IPv6
deny  --echo connect udp fd99::2 7001 | UDP over the veth pair, IPv6
allow --echo connect tcp ::ffff:127.0.0.1 7000 | IPv4-mapped on an AF_INET6 socket: the IPv4 rule
deny  --echo connect tcp ::ffff:127.0.0.1 7002 | IPv4-mapped is IPv4: ::/0 does not hold it
allow --echo connect udp ::ffff:10.99.0.2 7000 | IPv4-mapped, UDP, by the /24
deny  --echo connect tcp ::ffff:10.99.0.2 7001 | IPv4-mapped: the IPv4 /32 deny
deny  --echo connect udp ::ffff:10.99.0.2 7001 | IPv4-mapped: the IPv4 /32 deny
allow bind tcp 127.0.0.1 8080 | bind in the allowed range
deny  bind tcp 127.0.0.1 9090 | bind to a port outside it
deny  bind tcp 0.0.0.0 8080 | the wildcard address is not 127.0.0.1
deny  bind-unspec tcp 8080 | AF_UNSPEC on an AF_INET socket binds the wildcard
deny  bind-unspec udp 8080 | AF_UNSPEC on an AF_INET socket binds the wildcard
allow bind udp 127.0.0.1 8081 | UDP bind
allow bind udp ::1 8082 | UDP bind, IPv6
deny  bind udp ::1 9090 | UDP bind, IPv6, outside the range
deny  bind tcp :: 8083 | the IPv6 wildcard is not ::1
allow bind tcp ::ffff:127.0.0.1 8084 | IPv4-mapped bind: the IPv4 rule
deny  bind tcp ::ffff:127.0.0.1 9091 | IPv4-mapped bind outside the range
deny  bind udp 10.99.0.1 8085 | a local address no rule allows
allow listen 127.0.0.1 8080 | listen on an allowed local port
deny  listen 127.0.0.1 8081 | bound (allowed), but listen is not
allow listen ::1 8080 | listen, IPv6
deny  listen ::1 8081 | listen, IPv6
deny  listen inet | never bound: port 0
deny  listen inet6 | never bound: port 0
allow --echo sendto udp 127.0.0.1 7000 | UDP sendto without connect
deny  --echo sendto udp 127.0.0.1 7001 | UDP sendto without connect
allow --echo sendto udp fd99::2 7000 | UDP sendto without connect, IPv6
deny  --echo sendto udp fd99::2 7001 | UDP sendto without connect, IPv6
allow --echo sendto udp ::ffff:127.0.0.1 7000 | sendto an IPv4-mapped address
deny  --echo sendto udp ::ffff:10.99.0.2 7001 | sendto an IPv4-mapped address: the IPv4 /32 deny
allow --echo sendmsg udp 10.99.0.2 7000 | sendmsg with msg_name
deny  --echo sendmsg udp 10.99.0.2 7001 | sendmsg with msg_name
deny  --echo sendmsg udp ::1 7001 | sendmsg with msg_name, IPv6
allow --echo sendmmsg udp ::1 7000 | sendmmsg
deny  --echo sendmmsg udp ::1 7001 | sendmmsg
deny  --echo sendmmsg udp 10.99.0.2 7001 | sendmmsg over the veth pair
allow socket inet dgram icmp | an ICMP (ping) socket
allow --echo sendto icmp 127.0.0.1 0 | ping socket to an allowed address
allow --echo sendto icmp ::1 0 | ping socket to an allowed address, IPv6
deny  --echo sendto icmp 10.99.0.2 0 | ping socket to a denied address
deny  --echo sendto icmp fd99::2 0 | ping socket to a denied address, IPv6
deny  --echo sendmsg icmp 10.99.0.2 0 | ping socket, sendmsg
allow --echo fastopen 127.0.0.1 7000 | TCP Fast Open: sendto(MSG_FASTOPEN) with an address
deny  --echo fastopen 127.0.0.1 7001 | TCP Fast Open is a connect
deny  --echo fastopen fd99::2 7001 | TCP Fast Open, IPv6
deny  --echo fastopen ::ffff:10.99.0.2 7001 | TCP Fast Open to an IPv4-mapped address
allow --echo uring-connect 127.0.0.1 7000 | io_uring IORING_OP_CONNECT
deny  --echo uring-connect 127.0.0.1 7001 | io_uring IORING_OP_CONNECT
allow --echo uring-connect 10.99.0.2 7000 | io_uring connect over the veth pair
deny  --echo uring-connect fd99::2 7001 | io_uring connect, IPv6
allow --echo reconnect udp 127.0.0.1 7000 10.99.0.2 7000 | connect, connect(AF_UNSPEC), connect
deny  --echo reconnect udp 127.0.0.1 7000 127.0.0.1 7001 | a connect after connect(AF_UNSPEC) is checked
deny  --echo reconnect tcp ::1 7000 ::1 7001 | TCP: connect after connect(AF_UNSPEC)
allow socket inet stream tcp | TCP socket
allow socket inet6 dgram udp | UDP socket, IPv6
allow socket unix stream 0 | unix socket
deny  socket inet raw icmp | raw socket (socket deny raw)
deny  socket inet6 raw icmpv6 | raw socket, IPv6
deny  socket packet raw all | packet socket
deny  socket packet dgram all | a packet socket no rule names: the default
deny  uring-socket packet raw all | a packet socket by io_uring IORING_OP_SOCKET
deny  uring-socket inet raw icmp | a raw socket by io_uring
allow uring-socket inet stream tcp | a TCP socket by io_uring
CASES

# each_case FUNCTION: FUNCTION VERDICT DESCRIPTION NET_ARGUMENTS... per case.
each_case() {
	local verdict line args why
	while read -r verdict line; do
		args=${line%%|*}
		why=${line#*|}
		# shellcheck disable=SC2086 # the arguments are words
		$1 "$verdict" "${args#--echo }(${why# })" $args < /dev/null
	done < /tmp/net.cases
}

unconfined_case() {
	local desc=$2
	shift 2
	check "unconfined: $desc" $NET "$@"
}
each_case unconfined_case

confined_case() {
	local verdict=$1 desc=$2
	shift 2
	if [ "$verdict" = allow ]; then
		check "allowed: $desc" in_cgroup $CG/t-net $NET "$@"
	else
		check "denied (EPERM): $desc" in_cgroup $CG/t-net $NET --expect EPERM "$@"
	fi
}

# The network counter FIELD (checks, allowed, denied, audited) of policy NAME.
net_counter() {
	ctrpolicy -j list | sed 's/{"cgroup"/\n&/g' | grep "\"policy\":\"$1\"" |
		sed -n "s/.*\"network\":{[^}]*\"$2\":\([0-9]*\).*/\1/p"
}

# The addresses of the scaling test: routed to the peer, so that a UDP
# connect (which sends nothing) succeeds wherever it is allowed.
check "routes to the peer for 10.0.0.0/8 and 2001:db8::/32" sh -c \
	"ip route add 10.0.0.0/8 dev veth0 && ip route add 2001:db8::/32 dev veth0"
cat > /tmp/net-scale.cases <<'CASES'
deny  10.0.0.0 | the first address of the first /24
deny  10.0.0.255 | the last address of the first /24
allow 10.0.1.0 | just after it
allow 10.0.1.255 | the last address before the second /24
deny  10.0.2.0 | the second /24
allow 10.31.63.255 | just before a /24 in the middle
deny  10.31.64.0 | its first address
deny  10.31.64.255 | its last address
allow 10.31.65.0 | just after it
allow 10.62.125.255 | just before the last /24
deny  10.62.126.0 | the last /24
deny  10.62.126.255 | its last address
allow 10.62.127.0 | just after it
allow 10.63.0.0 | past every /24
deny  10.200.0.0 | the first /32
allow 10.200.0.1 | just after it
allow 10.200.7.205 | just before the last /32
deny  10.200.7.206 | the last /32
allow 10.200.7.207 | just after it
deny  2001:db8:: | the first IPv6 /64
deny  2001:db8::ffff:ffff:ffff:ffff | its last address
allow 2001:db8:0:1:: | just after it
allow 2001:db8:0:7cd:ffff:ffff:ffff:ffff | just before the last /64
deny  2001:db8:0:7ce:: | the last /64
deny  2001:db8:0:7ce:ffff:ffff:ffff:ffff | its last address
allow 2001:db8:0:7cf:: | just after it
deny  ::ffff:10.62.126.255 | IPv4-mapped, in the last /24
allow ::ffff:10.62.127.0 | IPv4-mapped, just after it
CASES
check "unconfined: UDP connects to the scaling test's addresses succeed" sh -c \
	"sed 's/ *|.*//' /tmp/net-scale.cases | while read -r verdict addr; do
		$NET connect udp \$addr 53 || exit 1
	done"

# ---- confined: needs the network area in the tool and in the module ---------------

net_policy net-test enforce > /tmp/net.policy
mkdir -p $CG/t-net
if out=$(ctrpolicy load /tmp/net.policy --cgroup $CG/t-net 2>&1); then
	pass "load a policy with socket and address rules"
	net_loaded=1
else
	fail "load a policy with socket and address rules"
	printf '%s\n' "$out" | sed 's/^/#   /'
	net_loaded=
fi

# late_result PID N DESCRIPTION: how the held net process PID ended.
late_result() {
	if wait $1; then pass "$3"; else fail "$3"; fi
	sed 's/^/#   /' /tmp/late.out$2
}

confined_tests() {
	local before after late1 late2 late3

	each_case confined_case

	# A socket created before the policy was loaded is checked when used.
	mkdir -p $CG/t-net-late
	rm -f /tmp/late.*
	in_cgroup $CG/t-net-late $NET --hold /tmp/late.ready1 /tmp/late.go \
		--expect EPERM connect tcp 127.0.0.1 7001 > /tmp/late.out1 2>&1 &
	late1=$!
	in_cgroup $CG/t-net-late $NET --hold /tmp/late.ready2 /tmp/late.go \
		--expect EPERM sendto udp 10.99.0.2 7001 > /tmp/late.out2 2>&1 &
	late2=$!
	in_cgroup $CG/t-net-late $NET --hold /tmp/late.ready3 /tmp/late.go \
		--echo connect tcp 127.0.0.1 7000 > /tmp/late.out3 2>&1 &
	late3=$!
	check "three sockets created in a cgroup without policy" \
		wait_for /tmp/late.ready1 /tmp/late.ready2 /tmp/late.ready3
	net_policy net-late enforce > /tmp/net-late.policy
	check "then a policy is loaded on the cgroup" \
		ctrpolicy load /tmp/net-late.policy --cgroup $CG/t-net-late
	touch /tmp/late.go
	late_result $late1 1 "a TCP socket created before the policy: a denied connect (EPERM)"
	late_result $late2 2 "a UDP socket created before the policy: a denied sendto (EPERM)"
	late_result $late3 3 "a TCP socket created before the policy: an allowed connect works"

	# Events and counters.
	await_event /tmp/net-events.txt \
		in_cgroup $CG/t-net $NET --expect EPERM connect tcp 10.99.0.2 7001
	check "monitor shows a network denial with the address and port" sh -c \
		"grep network /tmp/net-events.txt | grep -F 10.99.0.2 | grep -q 7001"
	sed 's/^/#   /' /tmp/net-events.txt
	before=$(net_counter net-test denied)
	in_cgroup $CG/t-net $NET --expect EPERM connect udp 127.0.0.1 7001 > /dev/null
	after=$(net_counter net-test denied)
	check "a denial moves the network 'denied' counter ($before -> $after)" \
		test "$after" -gt "$before"
	before=$(net_counter net-test allowed)
	in_cgroup $CG/t-net $NET connect udp 127.0.0.1 7000 > /dev/null
	after=$(net_counter net-test allowed)
	check "an allowed connect moves the network 'allowed' counter ($before -> $after)" \
		test "$after" -gt "$before"
	check "list shows network checks, allowed and denied" sh -c \
		"ctrpolicy -j list | grep -q '\"policy\":\"net-test\".*\"network\":{\"checks\":[1-9][0-9]*,\"allowed\":[1-9][0-9]*,\"denied\":[1-9]'"

	# Audit mode allows, reports and counts.
	mkdir -p $CG/t-net-audit
	net_policy net-audit audit > /tmp/net-audit.policy
	check "load the same rules in audit mode" \
		ctrpolicy load /tmp/net-audit.policy --cgroup $CG/t-net-audit
	check "audit mode: a connect the rules deny works" \
		in_cgroup $CG/t-net-audit $NET --echo connect tcp 127.0.0.1 7001
	await_event /tmp/net-events.txt \
		in_cgroup $CG/t-net-audit $NET --echo connect tcp 127.0.0.1 7001
	check "audit mode: monitor reports it as audited, with the address and port" sh -c \
		"grep network /tmp/net-events.txt | grep audit | grep -F 127.0.0.1 | grep -q 7001"
	sed 's/^/#   /' /tmp/net-events.txt
	check "audit mode: a packet socket the rules deny is created" \
		in_cgroup $CG/t-net-audit $NET socket packet raw all
	check "audit mode: a UDP sendto the rules deny is sent" \
		in_cgroup $CG/t-net-audit $NET --echo sendto udp fd99::2 7001
	check "audit mode: list counts the audited requests (at least 3: $(net_counter net-audit audited))" \
		test "$(net_counter net-audit audited)" -ge 3
	check "audit mode: nothing is counted as denied" \
		test "$(net_counter net-audit denied)" -eq 0

	# A policy without a network section denies every socket.
	mkdir -p $CG/t-net-none
	printf 'policy net-none\ncapabilities {\n\tallow all\n}\n' > /tmp/net-none.policy
	ctrpolicy load /tmp/net-none.policy --cgroup $CG/t-net-none
	for args in "inet stream tcp" "inet6 dgram udp" "unix stream 0" "netlink raw 0"; do
		# shellcheck disable=SC2086
		check "no network section: socket $args is denied (EPERM)" \
			in_cgroup $CG/t-net-none $NET --expect EPERM socket $args
	done

	# Socket rules: the first that matches decides.
	mkdir -p $CG/t-net-order
	cat > /tmp/net-order.policy <<'POLICY'
policy net-order
capabilities {
	allow all
}
network {
	default allow
	socket allow inet raw
	socket deny raw
	socket deny inet6
}
POLICY
	check "load a policy whose socket rules overlap" \
		ctrpolicy load /tmp/net-order.policy --cgroup $CG/t-net-order
	check "first match: inet raw is allowed before 'socket deny raw'" \
		in_cgroup $CG/t-net-order $NET socket inet raw icmp
	check "first match: a packet raw socket meets 'socket deny raw' (EPERM)" \
		in_cgroup $CG/t-net-order $NET --expect EPERM socket packet raw all
	check "first match: inet6 raw meets 'socket deny raw' (EPERM)" \
		in_cgroup $CG/t-net-order $NET --expect EPERM socket inet6 raw icmpv6
	check "'socket deny inet6' denies an inet6 UDP socket (EPERM)" \
		in_cgroup $CG/t-net-order $NET --expect EPERM socket inet6 dgram udp
	check "no socket rule matches inet UDP: the default allows it" \
		in_cgroup $CG/t-net-order $NET socket inet dgram udp

	# 10,000 address rules: 8,000 IPv4 /24, 1,000 IPv4 /32, 1,000 IPv6 /64,
	# each every other network, so that the ones between are allowed.
	mkdir -p $CG/t-net-scale
	awk 'BEGIN {
		print "policy net-scale\nnetwork {\n\tdefault allow"
		for (i = 0; i < 8000; i++)
			printf "\tdeny connect 10.%d.%d.0/24\n", int(2 * i / 256), 2 * i % 256
		for (i = 0; i < 1000; i++)
			printf "\tdeny connect 10.200.%d.%d\n", int(2 * i / 256), 2 * i % 256
		for (i = 0; i < 1000; i++)
			printf "\tdeny connect 2001:db8:0:%x::/64\n", 2 * i
		print "}"
	}' > /tmp/net-scale.policy
	check "a policy with 10,000 address rules loads" \
		ctrpolicy load /tmp/net-scale.policy --cgroup $CG/t-net-scale
	scale_case() {
		if [ "$1" = allow ]; then
			check "10,000 rules: UDP connect to $2, $3: allowed" \
				in_cgroup $CG/t-net-scale $NET connect udp $2 53
		else
			check "10,000 rules: UDP connect to $2, $3: denied (EPERM)" \
				in_cgroup $CG/t-net-scale $NET --expect EPERM connect udp $2 53
		fi
	}
	while read -r verdict addr line; do
		scale_case $verdict $addr "${line#| }" < /dev/null
	done < /tmp/net-scale.cases
	# Its rules come back in a dump of many messages, and load again.
	ctrpolicy show --cgroup $CG/t-net-scale > /tmp/net-scale.shown
	check "10,000 rules: show prints them all ($(grep -c 'deny connect' /tmp/net-scale.shown) deny rules)" \
		test "$(grep -c 'deny connect' /tmp/net-scale.shown)" -eq 10000
	mkdir -p $CG/t-net-scale2
	ctrpolicy load /tmp/net-scale.shown --cgroup $CG/t-net-scale2
	ctrpolicy show --cgroup $CG/t-net-scale2 > /tmp/net-scale.reshown
	check "10,000 rules: show of the re-loaded policy is identical" \
		cmp /tmp/net-scale.shown /tmp/net-scale.reshown
}

if [ -n "$net_loaded" ]; then
	confined_tests
else
	skip "the confined network tests" "the policy with network rules did not load"
fi

kill $host_server $peer_server $peer
wait $host_server $peer_server $peer 2>/dev/null
echo "1 0" > /proc/sys/net/ipv4/ping_group_range
check "enforcement off, test cgroups removed" enforce_off
