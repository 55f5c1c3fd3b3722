# United Nations English writes the day first ("30 April 2021", UN Editorial Manual),
# not Django's American "April 30, 2021" and "04/30/2021".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
