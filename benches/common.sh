# Shared by the benchmark scripts (source it).

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# start_mock PROGRAM LATENCY_MS: starts one of the mock API servers (udfs/examples), sets URL to
# its base URL and keeps its stdin open on fd 3; it stops when the script exits (fd 3 closes).
start_mock() {
  coproc MOCK_PROC { "$1" "$2"; }
  read -r URL <&"${MOCK_PROC[0]}"
  exec 3>&"${MOCK_PROC[1]}"
}
