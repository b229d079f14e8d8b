using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.Core.Graph;
using Preau.Core.Storage;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Server.Cli;
using Preau.Server.Hosting;
using Preau.Storage.LiteDb;

namespace Preau.Benchmarks;

/// <summary>The directory import through the real plugin path, store write included (issue 6):
/// a <see cref="PreauRuntime"/> over a fresh LiteDB data folder with the packaged directory plugin
/// loaded, and <c>preau import siecle &lt;zips&gt;</c> run in process (the plugin's verb: read,
/// plan, one <c>IGraphWriter</c> batch, activation-code hashes, CSVs). Per round: the first import
/// of a lycée, the same files again (no change: zero writes, checked), then files with about 5 %
/// of the people changed.</summary>
internal static class DirectoryImportStore
{
    public static int Run(string[] args)
    {
        var o = new Options(args);
        var rounds = o.Int("rounds", 3);
        var options = SyntheticSchoolOptions.Lycee2000 with { Pupils = o.Int("pupils", 2000), Staff = o.Int("staff", 150) };
        var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
        if (!File.Exists(Path.Combine(plugins, "Preau.Plugins.Directory", "plugin.json")))
        {
            Console.Error.WriteLine($"the packaged plugin is missing from {plugins}: build the benchmarks project");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "preau-bench-import-store-" + Environment.ProcessId);
        try
        {
            var school = SyntheticSchool.Generate(options);
            var changed = Changes.FivePercent(school);
            var original = FixtureFiles.Write(school, Path.Combine(root, "files"), FixtureEncoding.Latin9, FixtureLayout.ZipPerFile);
            var modified = FixtureFiles.Write(changed, Path.Combine(root, "changed"), FixtureEncoding.Latin9, FixtureLayout.ZipPerFile);
            Console.WriteLine($"{school.Pupils.Count} pupils, {school.Responsables.Count} responsables, {school.Staff.Count} staff; {original.Count} zips; load average {LoadAverage()}");

            var first = new List<double>();
            var again = new List<double>();
            var changes = new List<double>();
            var failures = 0;
            for (var round = 0; round <= rounds; round++)
            {
                var data = Path.Combine(root, $"data-{round}");
                using var runtime = Open(data, plugins);
                var (firstMs, firstOut) = Import(runtime, original);
                var before = Proof.Take(runtime, data);
                var (againMs, againOut) = Import(runtime, original);
                var after = Proof.Take(runtime, data);
                var (changeMs, changeOut) = Import(runtime, modified);
                var zero = before.Same(after) && againOut.Contains("aucun changement", StringComparison.Ordinal);
                failures += zero ? 0 : 1;
                if (round == 0)
                {
                    Console.WriteLine($"warm-up: first import {firstMs:0} ms ({Summary(firstOut)}); again {againMs:0} ms; changes {changeMs:0} ms ({Summary(changeOut)})");
                    continue; // JIT, file cache
                }

                first.Add(firstMs);
                again.Add(againMs);
                changes.Add(changeMs);
                Console.WriteLine($"round {round}: first {firstMs:0} ms, again {againMs:0} ms (zero writes: {(zero ? "yes" : "NO")}: {before.Describe(after)}), ~5 % changed {changeMs:0} ms");
            }

            var cpu = Cpu.Skip(3).ToList();
            Console.WriteLine($"first import, store write included: median {Median(first):0} ms (max {first.Max():0} ms) over {rounds}; process CPU median {Median([.. cpu.Where((_, i) => i % 3 == 0)]):0} ms");
            Console.WriteLine($"re-import, no change: median {Median(again):0} ms (max {again.Max():0} ms); zero writes in {rounds + 1 - failures} of {rounds + 1} rounds; CPU {Median([.. cpu.Where((_, i) => i % 3 == 1)]):0} ms");
            Console.WriteLine($"re-import, about 5 % changed: median {Median(changes):0} ms (max {changes.Max():0} ms); CPU {Median([.. cpu.Where((_, i) => i % 3 == 2)]):0} ms");
            Console.WriteLine($"load average {LoadAverage()}");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static PreauRuntime Open(string data, string plugins)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Mail:Domain"] = "lycee.preau.test",
            ["Plugins:Directory"] = plugins,
        }).Build();
        return PreauRuntime.Open(config, NullLoggerFactory.Instance);
    }

    private static (double Ms, string Output) Import(PreauRuntime runtime, IReadOnlyList<string> files)
    {
        var output = new StringWriter();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var exit = CliApp.Run(runtime, ["import", "siecle", .. files], output);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        return exit == 0 ? (ms, output.ToString()) : throw new InvalidOperationException(output.ToString());
    }

    /// <summary>The process's CPU time of each import, in order (first, again, changed per round).</summary>
    private static List<double> Cpu { get; } = [];

    private static string Summary(string output) =>
        output.Split('\n').FirstOrDefault(l => l.Contains("compte(s) ajouté(s)", StringComparison.Ordinal) || l.StartsWith("Aucun changement", StringComparison.Ordinal))?.Trim() ?? "";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>What a write would change: the graph snapshot (every directory write builds a new
    /// one), the audit log's last entry, and the LiteDB files' sizes and times.</summary>
    private sealed record Proof(EstablishmentGraph Graph, long LastAudit, long IndexBytes, DateTime IndexTime, long LogBytes, DateTime LogTime)
    {
        public static Proof Take(PreauRuntime runtime, string data)
        {
            var index = new FileInfo(Path.Combine(data, LiteDbStore.IndexFileName));
            var log = new FileInfo(Path.Combine(data, "index-log.db"));
            return new Proof(
                runtime.Directory.Graph,
                runtime.Audit.Query(new AuditQuery(Limit: 1)).FirstOrDefault()?.Id ?? 0,
                index.Length,
                index.LastWriteTimeUtc,
                log.Exists ? log.Length : 0,
                log.Exists ? log.LastWriteTimeUtc : default);
        }

        public bool Same(Proof other) =>
            ReferenceEquals(Graph, other.Graph) && LastAudit == other.LastAudit
            && IndexBytes == other.IndexBytes && IndexTime == other.IndexTime && LogBytes == other.LogBytes && LogTime == other.LogTime;

        public string Describe(Proof other) =>
            $"graph {(ReferenceEquals(Graph, other.Graph) ? "same snapshot" : "NEW snapshot")}, audit {(LastAudit == other.LastAudit ? "no entry" : "NEW entry")}, "
            + $"index.db {(IndexBytes == other.IndexBytes && IndexTime == other.IndexTime ? "untouched" : "WRITTEN")}, index-log.db {(LogBytes == other.LogBytes && LogTime == other.LogTime ? "untouched" : "WRITTEN")}";
    }

    /// <summary>About 5 % of the people changed, as a school year's September brings: pupils
    /// moving class, leaving, renamed; responsables added; staff leaving; a class with a new code.</summary>
    private static class Changes
    {
        public static ImportSnapshot FivePercent(ImportSnapshot school)
        {
            var s = school;
            var classes = school.Structures.Where(x => x.Type == StructureType.Class).Select(x => x.Code).ToList();
            var pupils = school.Pupils;
            var n = pupils.Count;
            for (var i = 0; i < n / 20; i++)
            {
                var p = pupils[(i * 7) % n];
                s = SnapshotMutations.MovePupil(s, p.EleveId, classes[(classes.IndexOf(p.ClassCode!) + 1) % classes.Count]);
            }

            for (var i = 0; i < n / 60; i++)
            {
                var p = pupils[(i * 13 + 3) % n];
                s = s.Pupils.Any(x => x.EleveId == p.EleveId) ? SnapshotMutations.RenamePupil(s, p.EleveId, p.FirstName, p.LastName + "-MARTIN") : s;
            }

            for (var i = 0; i < n / 60; i++)
            {
                var p = pupils[(i * 17 + 5) % n];
                s = SnapshotMutations.AddResponsable(s, p.EleveId, new ImportedResponsable($"{8_000_000 + i}", "NOUVEAU", $"Parent{i}"), Responsibility.Legal, 2, "20");
            }

            for (var i = 0; i < n / 60; i++)
            {
                s = SnapshotMutations.RemovePupil(s, pupils[(i * 11 + 1) % n].EleveId);
            }

            foreach (var staff in school.Staff.Where(x => x.Kind == PersonKind.Enseignant).Take(school.Staff.Count / 20))
            {
                s = SnapshotMutations.RemoveStaff(s, staff.ExternalId);
            }

            return SnapshotMutations.RenameClass(s, classes[^1], classes[^1] + "BIS", "Classe renommée");
        }
    }
}
