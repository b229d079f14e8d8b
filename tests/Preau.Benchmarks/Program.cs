using BenchmarkDotNet.Running;
using Preau.Benchmarks;

// dotnet run -c Release --project tests/Preau.Benchmarks -- policy           BenchmarkDotNet, policy decisions
// dotnet run -c Release --project tests/Preau.Benchmarks -- smtp [options]   SMTP load against a running server
// dotnet run -c Release --project tests/Preau.Benchmarks -- fanout [options] one 150-recipient message, timed
// dotnet run -c Release --project tests/Preau.Benchmarks -- rss --pid N      resident memory of a process
// dotnet run -c Release --project tests/Preau.Benchmarks -- directory-import [--pupils 2000 --staff 150 --rounds 5]
// dotnet run -c Release --project tests/Preau.Benchmarks -- directory-import-store [--pupils 2000 --staff 150 --rounds 3]
// dotnet run -c Release --project tests/Preau.Benchmarks -- directory-search [--accounts 50000 --rounds 200]
// web-list [--port 8080 --login prof.maths] | web-open | web-load --users 200 --seconds 60: the webmail API
// web-page [--port 8080 --login prof.maths --rounds 10]: the mail page in headless Chromium, first row
return args.FirstOrDefault() switch
{
    "policy" => RunPolicy(args[1..]),
    "smtp" => await SmtpLoad.RunAsync(args[1..]),
    "fanout" => await Fanout.RunAsync(args[1..]),
    "rss" => Rss.Run(args[1..]),
    "store-fanout" => await StoreFanout.RunAsync(args[1..]),
    "imap-fetch" => await ImapFetch.RunAsync(args[1..]),
    "imap-idle" => await ImapIdle.RunAsync(args[1..]),
    "imap-mixed" => await ImapMixed.RunAsync(args[1..]),
    "directory-import" => DirectoryImport.Run(args[1..]),
    "directory-import-store" => DirectoryImportStore.Run(args[1..]),
    "directory-search" => DirectorySearchBench.Run(args[1..]),
    "web-list" => await WebList.RunAsync(args[1..]),
    "web-open" => await WebOpen.RunAsync(args[1..]),
    "web-load" => await WebLoad.RunAsync(args[1..]),
    "web-page" => await WebPage.RunAsync(args[1..]),
    _ => Usage(),
};

static int RunPolicy(string[] rest)
{
    BenchmarkRunner.Run<PolicyBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Preau.Benchmarks policy | smtp [--port 2525 --sessions 16 --messages 20000 --size 10240 --to prof.maths@demo.preau.test] | fanout [--port 2587] | rss --pid N | directory-import [--pupils 2000 --staff 150 --rounds 5] | directory-import-store [--pupils 2000 --staff 150 --rounds 3] | directory-search [--accounts 50000 --rounds 200] | web-page [--port 8080 --login prof.maths --rounds 10]");
    return 2;
}
