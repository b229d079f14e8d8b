using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary>The search index of the current graph: built from <see cref="IGraphReader.Export"/>
/// once per <see cref="IGraphReader.Version"/>, rebuilt on the first request after a change.</summary>
public sealed class DirectoryIndexCache(IGraphReader graph)
{
    private readonly Lock _gate = new();
    private DirectoryIndex? _current;

    /// <summary>The index of the graph as it is now.</summary>
    public DirectoryIndex Current
    {
        get
        {
            var version = graph.Version;
            var current = Volatile.Read(ref _current);
            if (current is not null && current.Version == version)
            {
                return current;
            }

            lock (_gate)
            {
                version = graph.Version;
                if (_current is null || _current.Version != version)
                {
                    _current = new DirectoryIndex(graph.Export(), version);
                }

                return _current;
            }
        }
    }
}
