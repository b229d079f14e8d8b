namespace Preau.Benchmarks;

/// <summary>Prints a process's resident set size from /proc.</summary>
internal static class Rss
{
    /// <summary>VmRSS of a process, in KB.</summary>
    public static long Kilobytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    public static int Run(string[] args)
    {
        var pid = new Options(args).Int("pid", Environment.ProcessId);
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        Console.WriteLine($"pid {pid} {line}");
        return 0;
    }
}
