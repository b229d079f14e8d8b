using Preau.PluginHost.Loading;
using Preau.Plugins.Commands;

namespace Preau.PluginHost;

// Plugin CLI verbs: found among the active plugins, run with a lease like any other call.
public sealed partial class PluginManager
{
    /// <summary>The verbs of the active plugins, for <c>preau help</c>.</summary>
    public IReadOnlyList<PluginVerb> Verbs() =>
        ActivePlugins()
            .SelectMany(p => p.Commands.Select(c => new PluginVerb(c.Verb, c.Usage ?? "", p.Id)))
            .OrderBy(v => v.Verb, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Whether the words start with an active plugin's verb.</summary>
    public bool HasVerb(IReadOnlyList<string> words) => Match(words) is not null;

    /// <summary>Runs the plugin verb the words start with; null when none matches.</summary>
    public async Task<int?> RunVerbAsync(IReadOnlyList<string> words, TextWriter output, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Match(words) is not var (plugin, command, length) || !plugin.TryEnter())
        {
            return null;
        }

        try
        {
            return await command.RunAsync(new PluginCommandContext(words.Skip(length).ToArray(), output, actor), cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await output.WriteLineAsync($"error: {plugin.Id} failed: {PluginActivator.Describe(ex)}");
            return 1;
        }
        finally
        {
            plugin.Exit();
        }
    }

    private (ActivePlugin Plugin, IPluginCommand Command, int Length)? Match(IReadOnlyList<string> words)
    {
        (ActivePlugin, IPluginCommand, int)? best = null;
        foreach (var plugin in ActivePlugins())
        {
            foreach (var command in plugin.Commands)
            {
                var verb = command.Verb.Split(' ');
                if (verb.Length <= words.Count && verb.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(b => b)
                    && (best is null || verb.Length > best.Value.Item3))
                {
                    best = (plugin, command, verb.Length);
                }
            }
        }

        return best;
    }
}

/// <summary>A plugin's CLI verb.</summary>
/// <param name="Verb">The verb words.</param>
/// <param name="Usage">Its arguments.</param>
/// <param name="PluginId">The plugin declaring it.</param>
public sealed record PluginVerb(string Verb, string Usage, string PluginId);
