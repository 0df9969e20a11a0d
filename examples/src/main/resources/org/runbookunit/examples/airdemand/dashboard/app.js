// Fetch roles from the air-demand API and render the "Paraform Roles" table; filter by first-seen date; show the
// signed-in user with a logout button.
const DAY_MS = 24 * 60 * 60 * 1000;

async function loadRoles() {
  const range = document.querySelector('input[name=range]:checked').value;
  const response = await fetch('/demand/roles?limit=50');
  if (!response.ok) {
    document.querySelector('#summary').textContent = 'Could not load roles: HTTP ' + response.status;
    return;
  }
  const page = await response.json();
  const since = range === 'all' ? 0 : Date.now() - Number(range) * DAY_MS;
  const roles = page.roles.filter(role => Date.parse(role.first_seen) >= since);
  const body = document.querySelector('#roles tbody');
  body.replaceChildren(...roles.map(row));
  document.querySelector('#summary').textContent = range === 'all'
    ? `Showing ${roles.length} of ${page.total} roles`
    : `Showing ${roles.length} roles first seen in the last ${range} days`;
}

function row(role) {
  const tr = document.createElement('tr');
  for (const value of [role.title, role.company, role.location, role.qualified ? 'yes' : 'no',
                       role.first_seen.slice(0, 10)]) {
    const td = document.createElement('td');
    td.textContent = value;
    tr.append(td);
  }
  return tr;
}

function showSession() {
  const user = sessionStorage.getItem('user');
  if (!user) {
    return;
  }
  const session = document.querySelector('#session');
  session.textContent = 'Signed in as ' + user + ' ';
  const logout = document.createElement('button');
  logout.id = 'logout';
  logout.textContent = 'Logout';
  logout.addEventListener('click', async () => {
    await fetch('/auth/logout', {method: 'POST', headers: {Authorization: 'Bearer ' + sessionStorage.getItem('token')}});
    sessionStorage.clear();
    location.href = '/dashboard/login?signed-out';
  });
  session.append(logout);
}

document.querySelector('#filters').addEventListener('submit', event => {
  event.preventDefault();
  loadRoles();
});
showSession();
loadRoles();
