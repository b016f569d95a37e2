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
	check_fails "$name: cannot mount" confined $name \
		$TESTS/mntns mount -t tmpfs none /tmp
done
chown 1000 /tmp/foreign
check "docker-default: chown of a foreign file works" \
	confined docker-default $TRY chown /tmp/foreign 0 0
chown 1000 /tmp/foreign
check "k8s-restricted: chown of a foreign file is denied (EPERM)" \
	confined k8s-restricted $TRY --expect EPERM chown /tmp/foreign 0 0
check "enforcement off, test cgroups removed" enforce_off
