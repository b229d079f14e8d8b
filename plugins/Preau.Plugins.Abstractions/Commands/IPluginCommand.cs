namespace Preau.Plugins.Commands;

/// <summary>A verb of the <c>preau</c> command line (<c>preau import siecle export.zip</c>). It runs
/// inside the running server when there is one (through its admin socket), else in the CLI process
/// over the data folder. A verb may not take one of the server's own (account, policy, plugin…) or
/// another plugin's: the plugin would fail to enable.</summary>
public interface IPluginCommand
{
    /// <summary>The verb: one or more lower-case words ("import siecle").</summary>
    string Verb { get; }

    /// <summary>Arguments, for <c>preau help</c> ("&lt;file.zip&gt; [--dry-run]").</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the exit code (0 done, 1 refused, 2 usage error).</summary>
    Task<int> RunAsync(PluginCommandContext context, CancellationToken cancellationToken);
}

/// <summary>One run of a verb.</summary>
/// <param name="Arguments">The words after the verb, as typed. Paths are relative to the server's
/// working folder when run through the admin socket: prefer absolute paths.</param>
/// <param name="Output">Where to write for the administrator.</param>
/// <param name="Actor">Who runs it, for the audit log ("cli:alice").</param>
public sealed record PluginCommandContext(IReadOnlyList<string> Arguments, TextWriter Output, string Actor);
