using Microsoft.Extensions.Logging;
using Preau.Server.Cli;
using Preau.Server.Hosting;

// preau [--demo] [--Section:Key=value …]          runs the server
// preau <verb> … [--Section:Key=value …]          administration (see `preau help`)
var (configuration, words) = PreauConfiguration.Build(args);

if (CliApp.IsVerb(words))
{
    return RunCli(configuration, words);
}

var unknown = words.Where(w => w != "--demo").ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown argument(s): {string.Join(' ', unknown)} (try: preau help)");
    return 2;
}

return await ServerProgram.RunAsync(configuration, demo: words.Contains("--demo"));

static int RunCli(Microsoft.Extensions.Configuration.IConfiguration configuration, string[] words)
{
    // A password piped on standard input is read here, not by the server at the other end of the socket.
    if (words.Length >= 2 && words[0] == "account" && words[1] == "passwd" && !words.Contains("--password") && Console.IsInputRedirected
        && Console.In.ReadLine() is { Length: > 0 } piped)
    {
        words = [.. words, "--password", piped.TrimEnd('\r')];
    }

    var dataDirectory = Path.GetFullPath(configuration["Storage:DataDirectory"] ?? "data");
    if (RemoteCli.TryRun(dataDirectory, words) is { } reply)
    {
        Console.Write(reply.Output);
        return reply.Exit;
    }

    using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    try
    {
        using var runtime = PreauRuntime.Open(configuration, loggers);
        return CliApp.Run(runtime, words, Console.Out);
    }
    catch (Preau.Storage.LiteDb.DataFolderInUseException ex)
    {
        Console.Error.WriteLine($"error: {ex.Message}, and its admin socket does not answer");
        return 1;
    }
}
