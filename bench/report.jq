# SPDX-License-Identifier: GPL-2.0
#
# Runs' JSON read back (bench/README.md, "The JSON"), for report.sh:
#   jq -r --arg mode table RUN.json            the table of median ratios
#   jq -r -n --arg mode compare --slurpfile old OLD.json --slurpfile new NEW.json
#                                               the same table, OLD against NEW

# Ratios are read to two decimals; a difference has its sign, +0.00 at zero.
def fixed2:
	((. * 100) | round) as $n
	| (if $n < 0 then -$n elif $n > 0 then $n else 0 end) as $abs
	| (if $n < 0 then "-" else "" end)
	  + "\(($abs / 100) | floor)." + ("0\($abs % 100)" | .[-2:]);
def signed2:
	fixed2 | if startswith("-") then . else "+" + . end;

# A run in one line: what, where, how many rounds.
def about:
	.meta as $m
	| "kernel \($m.kernel), \($m.rounds) rounds"
	  + (if $m.date then ", \($m.date)" else "" end)
	  + (if $m.commit then ", commit \($m.commit)" else "" end);

# The configurations a table shows: all but the baseline (a).
def columns: [.configs[].id | select(. != "a")];

# A cell: the median ratio and the rounds it kept, or n/a.
def cell:
	if . == null then "–"
	elif .ratio then "\(.ratio | fixed2) \(.rounds_kept)/\(.rounds_with_ratio)"
	else "n/a" end;

# A table's header: the operation, then a right-aligned column each label.
def header($labels):
	"| operation | " + ($labels | join(" | ")) + " |",
	"|---|" + ($labels | map("---:|") | join(""));

def config_labels: map("(\(.))");

# The pairs compared round by round ("c_over_g", ...), in the run's order.
def pairs:
	reduce (.against // [] | .[] | keys_unsorted[] | select(contains("_over_"))) as $k
		([]; if any(.[]; . == $k) then . else . + [$k] end);

def pair_cell: if . == null then "n/a" else "\(.ratio | fixed2) \(.rounds_kept)/\(.rounds)" + (if .worse then " **worse**" else "" end) end;

def table:
	columns as $cols
	| pairs as $pairs
	| "Median ratio to (a), \(about); k/n: rounds kept at (a)'s speed of those with a ratio.",
	  "",
	  header($cols | config_labels),
	  (.benchmarks[]
	   | .results as $r
	   | "| \(.op) | " + ($cols | map($r[.] | cell) | join(" | ")) + " |"),
	  (if ($pairs | length) > 0 then
		"",
		"Paired, round by round over the rounds both ran at one speed: (x)/(y), k/n; **worse**: (c) above (g), or (b), (c) more than 0.03 above the base.",
		"",
		header($pairs | map(sub("_over_"; ")/(") | "(\(.))")),
		(.against[] as $a
		 | "| \($a.op) | " + ($pairs | map($a[.] | pair_cell) | join(" | ")) + " |")
	   else empty end);

# OLD -> NEW (difference) where both have a ratio; marked when NEW is
# worse by more than 0.03, the bound a change is held to.
def change($old; $new):
	if ($old | .ratio) and ($new | .ratio) then
		($new.ratio - $old.ratio) as $d
		| "\($old.ratio | fixed2) → \($new.ratio | fixed2) "
		  + (if $d > 0.03 then "**\($d | signed2)**" else "(\($d | signed2))" end)
	else "\($old | cell) → \($new | cell)" end;

def compare($old; $new):
	[$old | columns[] as $c | select($new | columns | any(.[]; . == $c)) | $c] as $cols
	| "Median ratio to (a): OLD → NEW (difference); bold where NEW is worse by more than 0.03.",
	  "",
	  "- OLD: \($old | about)",
	  "- NEW: \($new | about)",
	  "",
	  header($cols | config_labels),
	  ($new.benchmarks[]
	   | .op as $op
	   | .results as $n
	   | (first($old.benchmarks[] | select(.op == $op)) // null | .results // {}) as $o
	   | "| \($op) | " + ($cols | map(change($o[.]; $n[.])) | join(" | ")) + " |"),
	  ($new.benchmarks[] as $b
	   | first($old.benchmarks[] | select(.op == $b.op)) // null
	   | select(. != null and .description != $b.description)
	   | "", "\($b.op) measured another thing in OLD: \(.description); in NEW: \($b.description).");

if $mode == "table" then table
elif $mode == "compare" then compare($ARGS.named.old[0]; $ARGS.named.new[0])
else error("report.jq: unknown mode \($mode)") end
