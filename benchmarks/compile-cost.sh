#!/usr/bin/env bash
# Compile cost of the annotation processor (issue 13, item 7).
#
# Generates a corpus of INTERFACES interfaces with METHODS @Cached methods each, plus one
# implementation per interface, then times three javac runs over the same sources, ROUNDS times
# each, in turn (none, only, full, none, only, full, ...) so that a burst of load from other
# processes hits every variant alike:
#
#   none  javac -proc:none: the interfaces and implementations alone (the baseline)
#   only  javac -proc:only: the processor alone, writing the decorators but compiling nothing
#   full  javac with the processor: the decorators written and everything compiled
#
# and once more, outside the ratio, "gen": javac -proc:none over the same sources plus the
# decorators a full run wrote, which is what compiling the generated code costs without the
# processor. It prints the median wall-clock and CPU time of each and the ratios full / none.
#
# Usage (from anywhere; the script finds the repository):
#   benchmarks/compile-cost.sh [ROUNDS]           default 5 rounds, 200 interfaces x 10 methods
#   INTERFACES=50 benchmarks/compile-cost.sh 3   a smaller corpus (always 10 methods each)
#   SKIP_BUILD=1 benchmarks/compile-cost.sh       use the classes already in */target/classes
#   PROFILE=1 benchmarks/compile-cost.sh 1        also records one -proc:only run with JFR
#
# Work files go to benchmarks/target/compile-cost (corpus in src/, outputs in out-*/).
set -euo pipefail

ROUNDS=${1:-5}
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then
  echo "ROUNDS must be a positive number, not '$ROUNDS'" >&2
  exit 2
fi
INTERFACES=${INTERFACES:-200}
METHODS=10 # the ten method shapes below
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$REPO/benchmarks/target/compile-cost
SRC=$WORK/src

# --- Build the processor and the runtime (compile only: nothing is installed) ---------------
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  (cd "$REPO" && ./mvnw -B -q -o compile -pl processor,runtime -am)
fi
mkdir -p "$WORK"
if [[ ! -s "$WORK/runtime.classpath" || ! -s "$WORK/processor.classpath" \
      || "$REPO/runtime/pom.xml" -nt "$WORK/runtime.classpath" \
      || "$REPO/processor/pom.xml" -nt "$WORK/processor.classpath" ]]; then
  # Compile scope only, and without our own modules: their classes come from */target/classes.
  # With -am and compile, Maven resolves our modules in the reactor, so nothing need be installed;
  # every module of the reactor writes the file, and the one asked for (built last) wins.
  (cd "$REPO" && ./mvnw -B -q -pl runtime -am compile dependency:build-classpath \
      -DincludeScope=compile -DexcludeGroupIds=dev.cachegen \
      -Dmdep.outputFile="$WORK/runtime.classpath")
  (cd "$REPO" && ./mvnw -B -q -pl processor -am compile dependency:build-classpath \
      -DincludeScope=compile -DexcludeGroupIds=dev.cachegen \
      -Dmdep.outputFile="$WORK/processor.classpath")
fi
# What the corpus compiles against: the annotations and the runtime (the decorators call it).
CLASSPATH_CORPUS=$REPO/annotations/target/classes:$REPO/runtime/target/classes:$(cat "$WORK/runtime.classpath")
# Where javac finds the processor: its classes (with the AutoService registration) and JavaPoet.
PROCESSORPATH=$REPO/processor/target/classes:$REPO/annotations/target/classes:$(cat "$WORK/processor.classpath")

# --- Generate the corpus (deterministic: the same arguments give the same bytes) ------------
rm -rf "$SRC"
for ((i = 0; i < INTERFACES; i++)); do
  pkg=$(printf 'corpus.p%02d' $((i / 20)))
  name=$(printf 'Service%03d' "$i")
  dir=$SRC/${pkg//.//}
  mkdir -p "$dir"
  cat > "$dir/$name.java" <<EOF
package $pkg;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Corpus interface $i: ten cached methods in the shapes applications use most. */
public interface $name {
  record Item(long id, String name, long priceCents, List<String> tags) {}

  record Query(String tenant, int page) {}

  @Cached
  Item find(long id);

  @Cached(ttl = "1h", sliding = true, cacheNulls = true)
  Optional<Item> bySku(String sku);

  @Cached(key = "{tenant}:{page}", ttl = "2m")
  List<Item> page(String tenant, int page);

  @Cached
  CompletableFuture<Item> load(long id);

  @Cached(key = "{prefix}")
  int count(String prefix, boolean exact);

  @Cached(key = "{query.tenant}:{query.page}")
  List<Item> search(Query query);

  @Cached(ttl = "30s", localTtl = "5s")
  Map<String, Item> index(String tenant);

  @Cached
  Item lookup(@CacheKey String tenant, @CacheKey long id, boolean verbose);

  @Cached(tags = "items")
  String label(UUID id);

  @Cached(condition = "{id} != 0")
  long total(long id);

  void touch(long id);
}
EOF
  cat > "$dir/${name}Impl.java" <<EOF
package $pkg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The implementation of {@link $name} that the decorator wraps. */
public final class ${name}Impl implements $name {
  private Item item(long id) {
    return new Item(id, "item-" + id, id * 100, List.of("t" + $i));
  }

  @Override
  public Item find(long id) {
    return item(id);
  }

  @Override
  public Optional<Item> bySku(String sku) {
    return sku.isEmpty() ? Optional.empty() : Optional.of(item(sku.length()));
  }

  @Override
  public List<Item> page(String tenant, int page) {
    return List.of(item(page), item(page + 1L));
  }

  @Override
  public CompletableFuture<Item> load(long id) {
    return CompletableFuture.completedFuture(item(id));
  }

  @Override
  public int count(String prefix, boolean exact) {
    return exact ? prefix.length() : prefix.length() + 1;
  }

  @Override
  public List<Item> search(Query query) {
    return List.of(item(query.page()));
  }

  @Override
  public Map<String, Item> index(String tenant) {
    return Map.of(tenant, item(tenant.length()));
  }

  @Override
  public Item lookup(String tenant, long id, boolean verbose) {
    return item(id);
  }

  @Override
  public String label(UUID id) {
    return id.toString();
  }

  @Override
  public long total(long id) {
    return id * $i;
  }

  @Override
  public void touch(long id) {}
}
EOF
done
find "$SRC" -name '*.java' | LC_ALL=C sort > "$WORK/sources.txt"
echo "corpus: $INTERFACES interfaces x $METHODS @Cached methods, $(wc -l < "$WORK/sources.txt") files," \
  "$(cat $(cat "$WORK/sources.txt") | wc -l) lines"

# --- Time the runs ---------------------------------------------------------------------------
# One javac run; prints "<wall seconds> <CPU seconds>". CPU time (user + system, all of javac's
# threads) is printed too because on a machine shared with other builds wall-clock time mostly
# measures the others; CPU time moves much less with load. Output goes to out-<variant>/.
run() {
  local variant=$1
  shift
  local out=$WORK/out-$variant
  rm -rf "$out"
  mkdir -p "$out/classes" "$out/generated"
  local TIMEFORMAT='%R %U %S'
  local status=0
  { time javac -d "$out/classes" -s "$out/generated" -cp "$CLASSPATH_CORPUS" "$@" \
      > "$out/javac.log" 2>&1 || status=$?; } 2> "$out/time"
  if [[ $status -ne 0 ]]; then
    echo "javac ($variant) failed:" >&2
    cat "$out/javac.log" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out/time"
}

median() {
  LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A wall cpu
record() { # variant, "wall cpu"
  local w c
  read -r w c <<< "$2"
  wall[$1]+="$w "
  cpu[$1]+="$c "
}
for ((r = 1; r <= ROUNDS; r++)); do
  none=$(run none -proc:none "@$WORK/sources.txt")
  only=$(run only -proc:only -processorpath "$PROCESSORPATH" "@$WORK/sources.txt")
  full=$(run full -processorpath "$PROCESSORPATH" "@$WORK/sources.txt")
  record none "$none"
  record only "$only"
  record full "$full"
  echo "round $r (wall CPU, s): none $none, only $only, full $full (load $(cut -d' ' -f1 /proc/loadavg))"
done
# The decorators of the last full run, compiled without the processor.
find "$WORK/out-full/generated" -name '*.java' | LC_ALL=C sort > "$WORK/generated.txt"
cat "$WORK/sources.txt" "$WORK/generated.txt" > "$WORK/with-generated.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  gen=$(run gen -proc:none "@$WORK/with-generated.txt")
  record gen "$gen"
  echo "round $r (wall CPU, s): gen $gen (load $(cut -d' ' -f1 /proc/loadavg))"
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
grep -v '_Factory\.java$' "$WORK/generated.txt" > "$WORK/decorators.txt" || true
decorators=$(wc -l < "$WORK/decorators.txt")
lines=$(cat $(cat "$WORK/decorators.txt") | wc -l)
echo
echo "medians of $ROUNDS rounds ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %-52s %8s %8s\n' "" "wall s" "CPU s"
for v in none only full gen; do
  case $v in
    none) label="javac -proc:none (interfaces + implementations)" ;;
    only) label="javac -proc:only (the processor alone)" ;;
    full) label="javac with the processor" ;;
    gen) label="javac -proc:none, generated sources added" ;;
  esac
  printf '  %-52s %8.2f %8.2f\n' "$label" "$(med "${wall[$v]}")" "$(med "${cpu[$v]}")"
done
printf '  generated: %d decorators, %d lines (%d per decorator; factories not counted)\n' \
  "$decorators" "$lines" $((lines / (decorators > 0 ? decorators : 1)))
printf '  ratio full / none: wall %.2f, CPU %.2f\n' \
  "$(echo "$(med "${wall[full]}") / $(med "${wall[none]}")" | bc -l)" \
  "$(echo "$(med "${cpu[full]}") / $(med "${cpu[none]}")" | bc -l)"

# --- Optional profile of the processor -------------------------------------------------------
if [[ "${PROFILE:-0}" == "1" ]]; then
  jfr=$WORK/proc-only.jfr
  rm -rf "$WORK/out-profile" && mkdir -p "$WORK/out-profile/generated" "$WORK/out-profile/classes"
  javac -J-XX:StartFlightRecording=filename="$jfr",settings=profile \
    -proc:only -processorpath "$PROCESSORPATH" -cp "$CLASSPATH_CORPUS" \
    -d "$WORK/out-profile/classes" -s "$WORK/out-profile/generated" "@$WORK/sources.txt" \
    > "$WORK/out-profile/javac.log" 2>&1
  echo "JFR recording of one -proc:only run: $jfr (jfr print --events jdk.ExecutionSample $jfr)"
fi
