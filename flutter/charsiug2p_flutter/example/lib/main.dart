// Type words, pick a language, see each word's pronunciation or its error.
import 'package:charsiu_runtime_flutter/charsiu_runtime_flutter.dart';
import 'package:charsiug2p_flutter/charsiug2p_flutter.dart';
import 'package:flutter/material.dart';

void main() => runApp(const G2pExampleApp());

class G2pExampleApp extends StatelessWidget {
  const G2pExampleApp({super.key});

  @override
  Widget build(BuildContext context) {
    return MaterialApp(
      title: 'charsiug2p',
      theme: ThemeData(colorSchemeSeed: Colors.teal, useMaterial3: true),
      home: const G2pPage(),
    );
  }
}

class G2pPage extends StatefulWidget {
  const G2pPage({super.key});

  @override
  State<G2pPage> createState() => _G2pPageState();
}

class _G2pPageState extends State<G2pPage> {
  final _words = TextEditingController(text: 'hello world');
  CharsiuG2p? _g2p;
  List<String> _languages = const ['eng-us'];
  List<String> _sets = const [];
  String _lang = 'eng-us';
  String? _phonemeSet;
  List<G2pWordResult> _results = const [];
  String? _error;
  String _status = 'Loading the model...';
  bool _busy = false;

  @override
  void initState() {
    super.initState();
    _load();
  }

  Future<void> _load() async {
    try {
      final g2p = await CharsiuG2p.loadAsset();
      final shared = CharsiuG2p.runtimeInstance == CharsiuRuntime.instance;
      setState(() {
        _g2p = g2p;
        _languages = CharsiuG2p.languages;
        _sets = CharsiuG2p.phonemeSets;
        _status = 'charsiug2p ${CharsiuG2p.libraryVersion} on runtime '
            '${CharsiuRuntime.versionString} (${CharsiuRuntime.kernelIsa}), '
            '${shared ? 'one shared runtime' : 'WARNING: two runtime copies'}';
      });
    } on CharsiuG2pException catch (e) {
      setState(() => _error = '${e.name}: ${e.message}');
    } catch (e) {
      setState(() => _error = '$e');
    }
  }

  Future<void> _run() async {
    final g2p = _g2p;
    if (g2p == null || _busy) return;
    final words = _words.text.split(RegExp(r'\s+')).where((w) => w.isNotEmpty).toList();
    setState(() {
      _busy = true;
      _error = null;
    });
    try {
      final results = await g2p.phonemize(words, _lang, options: G2pOptions(phonemeSet: _phonemeSet));
      setState(() => _results = results);
    } on CharsiuG2pException catch (e) {
      setState(() => _error = '${e.name}: ${e.message}');
    } finally {
      setState(() => _busy = false);
    }
  }

  @override
  void dispose() {
    _g2p?.dispose();
    _words.dispose();
    super.dispose();
  }

  @override
  Widget build(BuildContext context) {
    final sets = _sets;
    return Scaffold(
      appBar: AppBar(title: const Text('charsiug2p')),
      body: Padding(
        padding: const EdgeInsets.all(16),
        child: Column(
          crossAxisAlignment: CrossAxisAlignment.stretch,
          children: [
            Text(_status, style: Theme.of(context).textTheme.bodySmall),
            TextField(
              controller: _words,
              decoration: const InputDecoration(labelText: 'Words'),
              onSubmitted: (_) => _run(),
            ),
            Row(children: [
              DropdownButton<String>(
                value: _lang,
                items: [for (final l in _languages) DropdownMenuItem(value: l, child: Text(l))],
                onChanged: (l) => setState(() => _lang = l ?? _lang),
              ),
              const SizedBox(width: 16),
              if (sets.isNotEmpty)
                DropdownButton<String?>(
                  value: _phonemeSet,
                  items: [
                    const DropdownMenuItem<String?>(value: null, child: Text('IPA')),
                    for (final s in sets) DropdownMenuItem<String?>(value: s, child: Text(s)),
                  ],
                  onChanged: (s) => setState(() => _phonemeSet = s),
                ),
              const Spacer(),
              FilledButton(
                onPressed: _g2p == null || _busy ? null : _run,
                child: const Text('Phonemize'),
              ),
            ]),
            if (_error != null)
              Text(_error!, style: TextStyle(color: Theme.of(context).colorScheme.error)),
            Expanded(
              child: ListView(
                children: [
                  for (final r in _results)
                    ListTile(
                      title: Text(r.word),
                      subtitle: r.ok
                          ? Text(r.text!, style: const TextStyle(fontSize: 20))
                          : Text('${r.errorName}: ${r.message}',
                              style: TextStyle(color: Theme.of(context).colorScheme.error)),
                      trailing: r.ok ? Text(r.source.name) : const Icon(Icons.error_outline),
                    ),
                ],
              ),
            ),
          ],
        ),
      ),
    );
  }
}
