export default function () {
	return { year: new Date().getFullYear() };
}
