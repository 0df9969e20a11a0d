// Post the credentials to /auth/login; on success keep the token for this tab and go to the dashboard.
const notice = document.querySelector('#notice');
if (location.search.includes('signed-out')) {
  notice.textContent = 'Signed out';
}
document.querySelector('#login').addEventListener('submit', async event => {
  event.preventDefault();
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({
      username: document.querySelector('#username').value,
      password: document.querySelector('#password').value
    })
  });
  if (!response.ok) {
    notice.textContent = 'Wrong username or password';
    return;
  }
  const session = await response.json();
  sessionStorage.setItem('user', session.user);
  sessionStorage.setItem('token', session.token);
  location.href = '/dashboard/';
});
