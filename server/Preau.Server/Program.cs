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

// Other words may be a plugin's verb: the CLI knows once the plugins are loaded, and prints the usage otherwise.
if (words.Any(w => w != "--demo"))
{
    return RunCli(configuration, words.Where(w => w != "--demo").ToArray());
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

    // Through the admin socket the server resolves paths from its own folder: send an absolute one.
    if (words.Length >= 3 && words[0] == "plugin" && words[1] == "install")
    {
        words = [.. words[..2], Path.GetFullPath(words[2]), .. words[3..]];
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
