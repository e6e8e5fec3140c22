// The network picture of a cluster's accounts: an interactive island on the server-rendered page.
// The page embeds the graph as JSON in <script type="application/json" id="cluster-graph">; this
// draws it into #cluster-network and keeps the server-rendered table as the accessible equivalent.
import cytoscape from 'cytoscape';

function draw(container, data) {
  const elements = [
    ...data.nodes.map(n => ({ data: { id: n.id, label: n.label } })),
    ...data.edges.map(e => ({ data: { id: e.source + '|' + e.target, source: e.source, target: e.target, weight: e.weight } })),
  ];
  const cy = cytoscape({
    container,
    elements,
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000 },
    style: [
      { selector: 'node', style: { 'background-color': '#1f5fa8', label: 'data(label)', color: '#111', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4 } },
      { selector: 'edge', style: { width: 'mapData(weight, 1, 10, 1, 6)', 'line-color': '#8a94a6', 'curve-style': 'haystack' } },
      { selector: 'node:selected', style: { 'background-color': '#c0392b', 'border-width': 3, 'border-color': '#111' } },
    ],
    wheelSensitivity: 0.2,
  });
  const status = document.getElementById('cluster-network-status');
  cy.on('tap', 'node', evt => {
    const n = evt.target;
    if (status) status.textContent = `${n.data('label')}: ${n.degree()} links in this cluster`;
  });
  container.dataset.ready = 'true';
  return cy;
}

function start() {
  const container = document.getElementById('cluster-network');
  const source = document.getElementById('cluster-graph');
  if (!container || !source || container.dataset.ready === 'true') return;
  draw(container, JSON.parse(source.textContent));
}

// Blazor's enhanced navigation swaps page content without a reload: draw again after each one.
document.addEventListener('DOMContentLoaded', start);
if (window.Blazor && window.Blazor.addEventListener) {
  window.Blazor.addEventListener('enhancedload', start);
} else {
  document.addEventListener('blazor:enhancedload', start);
}
start();
