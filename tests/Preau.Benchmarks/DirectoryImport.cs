using System.Diagnostics;
using Preau.Plugins.Directory;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Reading;

namespace Preau.Benchmarks;

/// <summary>The directory import's figures (issue 6): a synthetic lycée written as SIECLE and STSweb
/// exports (ISO-8859-15, one zip per file), then read and planned into an empty directory, and read
/// and planned again into the directory that import made (no change: zero writes expected).
/// Applying the plan to the store is timed by <see cref="DirectoryImportStore"/> (directory-import-store).</summary>
internal static class DirectoryImport
{
    public static int Run(string[] args)
    {
        var o = new Options(args);
        var rounds = o.Int("rounds", 5);
        var options = SyntheticSchoolOptions.Lycee2000 with
        {
            Pupils = o.Int("pupils", 2000),
            Staff = o.Int("staff", 150),
        };
        var folder = Path.Combine(Path.GetTempPath(), "preau-bench-import-" + Environment.ProcessId);
        try
        {
            var school = SyntheticSchool.Generate(options);
            var paths = FixtureFiles.Write(school, folder, FixtureEncoding.Latin9, FixtureLayout.ZipPerFile);
            var inputs = paths.Select(ImportInput.FromFile).ToList();
            var bytes = paths.Sum(p => new FileInfo(p).Length);
            Console.WriteLine($"{school.Pupils.Count} pupils, {school.Responsables.Count} responsables, {school.Staff.Count} staff; {paths.Count} zips, {bytes / 1024} KB");

            var first = new List<(double Read, double Plan)>();
            var again = new List<(double Read, double Plan)>();
            var writes = new List<int>();
            var addedCount = 0;
            var firstWrites = 0;
            var cpu = TimeSpan.Zero;
            for (var i = 0; i <= rounds; i++)
            {
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var (snapshot, read) = Read(inputs);
                var (plan, planned) = Plan(snapshot, DirectoryState.Empty);
                var state = PlanApplier.Apply(DirectoryState.Empty, plan);
                var (snapshot2, read2) = Read(inputs);
                var (plan2, planned2) = Plan(snapshot2, state);
                if (i == 0)
                {
                    continue; // warm-up: JIT and file cache
                }

                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
                addedCount = plan.Added.Count;
                firstWrites = plan.WriteCount;
                first.Add((read, planned));
                again.Add((read2, planned2));
                writes.Add(plan2.WriteCount);
            }

            Console.WriteLine($"first import ({addedCount} accounts, {firstWrites} writes): read {Median(first, f => f.Read):0} ms + plan {Median(first, f => f.Plan):0} ms = {Median(first, f => f.Read + f.Plan):0} ms median over {rounds} (max {first.Max(f => f.Read + f.Plan):0} ms)");
            Console.WriteLine($"re-import, no change: read {Median(again, f => f.Read):0} ms + plan {Median(again, f => f.Plan):0} ms = {Median(again, f => f.Read + f.Plan):0} ms median (max {again.Max(f => f.Read + f.Plan):0} ms); writes {string.Join(", ", writes.Distinct())}");
            Console.WriteLine($"process CPU time per round (both imports, and applying the first plan in memory): {cpu.TotalMilliseconds / rounds:0} ms");
            return writes.All(w => w == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (Preau.Plugins.Directory.Model.ImportSnapshot Snapshot, double Ms) Read(List<ImportInput> inputs)
    {
        var start = Stopwatch.GetTimestamp();
        var result = ImportReader.Read(inputs);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return result.Succeeded ? (result.Snapshot!, ms) : throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    private static (ImportPlan Plan, double Ms) Plan(Preau.Plugins.Directory.Model.ImportSnapshot snapshot, DirectoryState state)
    {
        var start = Stopwatch.GetTimestamp();
        var result = ImportPlanner.Plan(snapshot, state);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return result.Succeeded ? (result.Plan!, ms) : throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    private static double Median<T>(List<T> items, Func<T, double> value)
    {
        var sorted = items.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
