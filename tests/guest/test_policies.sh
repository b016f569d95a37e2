# SPDX-License-Identifier: GPL-2.0
# The shipped policies load, round-trip through 'show' (to the same policy
# as the file, says 'diff'), and confine.

check "enforcement is on" enforce_on
for file in /ctrpolicy/policies/*.policy; do
	name=$(basename "$file" .policy)
	mkdir -p $CG/t-pol-$name $CG/t-pol-$name-copy
	check "$name: loads" ctrpolicy load "$file" --cgroup $CG/t-pol-$name
	ctrpolicy show --cgroup $CG/t-pol-$name > /tmp/$name.shown
	check "$name: show re-loads" ctrpolicy load /tmp/$name.shown --cgroup $CG/t-pol-$name-copy
	check "$name: show of the re-loaded policy is identical" sh -c \
		"ctrpolicy show --cgroup $CG/t-pol-$name-copy | cmp - /tmp/$name.shown"
	check "$name: diff of the file and the loaded policy finds them the same" \
		ctrpolicy diff "$file" --cgroup $CG/t-pol-$name-copy
done

touch /tmp/foreign
confined() { local cg=$CG/t-pol-$1; shift; in_cgroup $cg "$@"; }
for name in docker-default k8s-baseline k8s-restricted; do
	check "$name: sethostname is denied (EPERM)" \
		confined $name $TRY --expect EPERM sethostname $name
	check "$name: binding port 80 works (net_bind_service)" \
		confined $name $TRY bind-tcp 80
	check_fails "$name: cannot mount (EPERM)" EPERM confined $name \
		$TESTS/mntns mount -t tmpfs none /tmp
done
NET=$TESTS/net
for name in k8s-baseline k8s-restricted; do
	check "$name: a raw IP socket is denied (EPERM)" \
		confined $name $NET --expect EPERM socket inet raw icmp
	check "$name: a packet socket is denied (EPERM)" \
		confined $name $NET --expect EPERM socket packet dgram all
done
check "docker-default: a raw IP socket works (net_raw)" \
	confined docker-default $NET socket inet raw icmp
check "no-network: a unix socket works" \
	confined no-network $NET socket unix stream 0
check "no-network: a TCP socket is denied (EPERM)" \
	confined no-network $NET --expect EPERM socket inet stream tcp
check "no-network: a UDP socket is denied (EPERM)" \
	confined no-network $NET --expect EPERM socket inet6 dgram udp
check "web-server: binding port 80 works" \
	confined web-server $NET bind tcp 0.0.0.0 80
check "web-server: binding port 8080 is denied (EPERM)" \
	confined web-server $NET --expect EPERM bind tcp 0.0.0.0 8080
check "web-server: a DNS query's connect (UDP, port 53) works" \
	confined web-server $NET connect udp 127.0.0.1 53
check "web-server: a connect elsewhere is denied (EPERM)" \
	confined web-server $NET --expect EPERM connect tcp 127.0.0.1 443
check "web-server: a raw socket is denied (EPERM)" \
	confined web-server $NET --expect EPERM socket inet raw icmp
chown 1000 /tmp/foreign
check "docker-default: chown of a foreign file works" \
	confined docker-default $TRY chown /tmp/foreign 0 0
chown 1000 /tmp/foreign
check "k8s-restricted: chown of a foreign file is denied (EPERM)" \
	confined k8s-restricted $TRY --expect EPERM chown /tmp/foreign 0 0
check "enforcement off, test cgroups removed" enforce_off
