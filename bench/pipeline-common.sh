# Shared by the benchmarks that run the service jars (sourced): builds them, sets what the JVMs need,
# and runs one benchmark class of the launcher with the function mailboxes' mail settings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1 DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="$PWD/.cache/djl"

# The function mailboxes (GreenMail) run in the benchmark's JVM; naming Jakarta Mail's stream provider
# spares them a class-path search per received message part.
run_benchmark() {
  local class="$1"; shift
  exec java -Dpostfordeling.root="$PWD" -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider \
    -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" "dk.postfordeling.local.bench.$class" "$@"
}
