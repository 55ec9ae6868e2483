# source: https://github.com/deepmorzaria/Physics-Informed-Neural-Network-PINNs---TF-2.0/blob/master/PINNs_2.ipynb
# reported: A Colab tutorial re-implements Raissi's Burgers' equation PINN with the Keras Sequential API: get_model() stacks Dense(20, activation='tanh') layers in a loop, and interior_loss() takes u_t, u_x and u_xx of model(X_f) with two nested tapes over a tf.Variable of collocation points.
# observed (TF 2.21): runs clean: the first gradient at line 42, the second gradient at line 45 (u_xx of a tanh network) and the weight gradient at line 65 all return values
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

no_of_interior_points = 60
no_of_boundary_points = 20
rng = np.random.default_rng(0)

lb = np.array([-1.0, 0.0])   # x in [-1, 1], t in [0, 1]
ub = np.array([1.0, 1.0])
X_f_train = lb + (ub - lb) * rng.random((no_of_interior_points, 2))
X_u_train = np.column_stack([np.linspace(-1, 1, no_of_boundary_points), np.zeros(no_of_boundary_points)])
u_train = -np.sin(np.pi * X_u_train[:, 0:1])
X_f_train_tf = tf.Variable(X_f_train)  # Variables are watched by the tapes automatically


def get_model():
    model = Sequential([
        Dense(20, activation='tanh', kernel_initializer=tf.keras.initializers.GlorotNormal(),
              input_shape=(2,), dtype='float64', name='H1')
    ])

    for i in range(3):
        model.add(Dense(20, activation='tanh', kernel_initializer=tf.keras.initializers.GlorotNormal(),
                        dtype='float64', name='H' + str(i + 2)))

    model.add(Dense(1, dtype='float64', name='output_layer'))
    return model


model = get_model()


def interior_loss():
    with tf.GradientTape() as tape:
        with tf.GradientTape() as tape2:
            u_predicted = model(X_f_train_tf)
        grad = tape2.gradient(u_predicted, X_f_train_tf)
        du_dx = grad[:, 0]
        du_dt = grad[:, 1]
    j = tape.gradient(grad, X_f_train_tf)
    d2u_dx2 = j[:, 0]

    du_dx = tf.reshape(du_dx, [no_of_interior_points, 1])
    d2u_dx2 = tf.reshape(d2u_dx2, [no_of_interior_points, 1])
    du_dt = tf.reshape(du_dt, [no_of_interior_points, 1])

    f = du_dt + u_predicted * du_dx - (0.01 / 3.14 * d2u_dx2)
    return tf.math.reduce_mean(tf.math.square(f)), d2u_dx2


def boundary_loss():
    return tf.math.reduce_mean(tf.math.square(model(X_u_train) - u_train))


optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
for epoch in range(2):
    with tf.GradientTape() as train_tape:
        f_loss, d2u_dx2 = interior_loss()
        loss = f_loss + boundary_loss()
    grads = train_tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss), "max |u_xx| =", float(tf.reduce_max(tf.abs(d2u_dx2))))
